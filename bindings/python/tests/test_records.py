"""Consent records (cookieprefs.django.records) on a real database.

These tests run with the records test project's settings, on SQLite and on
PostgreSQL: ``./scripts/test-records.sh``. Under the package's default test
settings (no records app, no database) the module is skipped."""

from __future__ import annotations

import csv
import datetime
import io
import json
import logging
import os
import threading
import uuid

import pytest
from django.conf import settings

if "cookieprefs.django.records" not in settings.INSTALLED_APPS:
    pytest.skip(
        "consent records: run with --ds tests.records_site.settings (scripts/test-records.sh)",
        allow_module_level=True,
    )

from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection
from django.utils import timezone

import cookieprefs
from cookieprefs.django import conf as site_conf
from cookieprefs.django.records import conf, service
from cookieprefs.django.records.models import ConsentRecord, PolicyVersion

pytestmark = pytest.mark.django_db

STATES_ACCEPT = {"statistics": "granted", "first_party": "granted", "third_party": "granted"}
STATES_REJECT = {"statistics": "denied", "first_party": "denied", "third_party": "denied"}


@pytest.fixture(autouse=True)
def fresh_cache():
    service._versions.clear()
    yield
    service._versions.clear()


def save(client, choice, cookie=None, **fields):
    """POSTs a choice to the test project's save view; returns the response
    and the cookie value its Set-Cookie header wrote."""
    headers = {"HTTP_COOKIE": f"cookies_preferences={cookie}"} if cookie else {}
    response = client.post("/save/", {"choice": choice, **fields}, **headers)
    assert response.status_code == 200, response.content
    header = response.headers["Set-Cookie"]
    assert header.startswith("cookies_preferences=")
    value = header.split(";", 1)[0].split("=", 1)[1]
    assert value == response.json()["value"]
    return response, value


def record_for(value):
    return ConsentRecord.objects.get(consent_id=cookieprefs.decode(value).consent_id)


# ------------------------------------------------------------------ recording


def test_a_save_writes_one_record_whose_consent_id_is_in_the_cookie(client):
    before = timezone.now()
    _, value = save(client, "custom", category=["statistics"], lang="en")
    prefs = cookieprefs.decode(value)
    assert prefs.consent_id is not None and prefs.consent_id.version == 4
    record = ConsentRecord.objects.get()
    assert record.consent_id == prefs.consent_id
    assert before <= record.created <= timezone.now()
    assert record.states == {"statistics": "granted", "first_party": "denied", "third_party": "denied"}
    assert record.revision == 1 and record.method == "banner"
    assert record.cookie_value == value
    assert record.client_ip == "" and record.user_agent_family == ""


def test_the_policy_version_holds_the_exact_declaration_and_what_was_shown(client):
    _, value = save(client, "accept_all", lang="fr-CA")
    version = record_for(value).policy_version
    policy = site_conf.get_policy()
    assert version.declaration == policy.to_json()  # byte for byte
    assert cookieprefs.Policy.from_json(version.declaration).to_json() == policy.to_json()
    assert version.language == "fr"  # the policy's language that answered fr-CA
    assert version.revision == 1
    assert version.library_version == cookieprefs.__version__
    assert version.page == policy.page("fr", "markdown")
    assert version.texts["necessary"]["label"] == policy.label("necessary", "fr")
    stats = version.texts["categories"][0]
    assert stats == {
        "id": 1, "name": "statistics", "since_revision": 0,
        "label": policy.label("statistics", "fr"), "description": policy.description("statistics", "fr"),
    }
    names = [c["name"] for c in version.texts["cookies"]]
    assert names[:4] == ["sessionid", "django_language", "csrftoken", "cookies_preferences"]
    assert "_pk_id.*" in names and "embed_visitor" in names
    embed = version.texts["cookies"][-1]
    assert embed["provider"] == "Lecteur vidéo tiers" and embed["category"] == "third_party"
    assert len(version.digest) == 64 and version.digest == service.content_digest(
        service.version_content(policy, "fr")
    )


def test_identical_versions_are_stored_once_and_a_change_makes_a_new_one(client, settings):
    for choice in ("accept_all", "reject_all", "accept_all"):
        save(client, choice, lang="fr")
    save(client, "accept_all", lang="en")
    assert PolicyVersion.objects.count() == 2  # fr and en
    assert set(PolicyVersion.objects.values_list("language", flat=True)) == {"fr", "en"}
    settings.COOKIEPREFS = {**settings.COOKIEPREFS, "revision": 2, "categories": [
        {"id": 1, "name": "statistics", "label": {"fr": "Mesure d'audience", "en": "Audience measurement"}},
        {"id": 2, "name": "first_party"},
        {"id": 3, "name": "third_party"},
    ]}
    _, value = save(client, "accept_all", lang="fr")
    assert PolicyVersion.objects.count() == 3
    version = record_for(value).policy_version
    assert version.revision == 2
    assert version.texts["categories"][0]["label"] == "Mesure d'audience"
    assert ConsentRecord.objects.count() == 5


def test_the_version_cache_is_filled_after_commit_and_saves_queries(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        save(client, "accept_all", lang="en")
    assert len(service._versions) == 1
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with _count_queries() as queries:
            save(client, "reject_all", lang="en")
    assert not callbacks  # nothing new to remember
    # The record's INSERT, inside its savepoint: no lookup of the version.
    assert [q for q in queries if "policyversion" in q.lower()] == []
    assert ConsentRecord.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_a_known_version_costs_one_insert(client, caplog):
    save(client, "accept_all", lang="en")  # commits the version: remembered
    assert len(service._versions) == 1
    with _count_queries() as queries:
        _, value = save(client, "reject_all", lang="en")
    assert len(queries) == 1 and queries[0].lstrip().upper().startswith("INSERT")
    assert record_for(value).states == STATES_REJECT

    def down(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with caplog.at_level(logging.ERROR, logger="cookieprefs.records"), connection.execute_wrapper(down):
        _, lost = save(client, "accept_all", lang="en")
    assert "consent record not written" in caplog.text
    assert cookieprefs.decode(lost).consent_id is not None
    assert service._versions == {}
    assert ConsentRecord.objects.count() == 2


def test_a_rolled_back_version_is_not_remembered(client):
    # pytest-django's test transaction is never committed: on_commit never
    # runs, so nothing may be cached (the row would vanish with a rollback).
    save(client, "accept_all", lang="en")
    assert service._versions == {}


class _count_queries:
    def __enter__(self):
        self.queries = []
        self._cm = connection.execute_wrapper(self._wrap)
        self._cm.__enter__()
        return self.queries

    def _wrap(self, execute, sql, params, many, context):
        self.queries.append(sql)
        return execute(sql, params, many, context)

    def __exit__(self, *exc):
        return self._cm.__exit__(*exc)


def test_the_database_is_the_one_asked_for():
    expected = {"sqlite": "sqlite", "postgresql": "postgresql"}[os.environ.get("COOKIEPREFS_TEST_DATABASE", "sqlite")]
    assert connection.vendor == expected


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(os.environ.get("COOKIEPREFS_TEST_DATABASE") != "postgresql", reason="concurrent writers: PostgreSQL")
def test_concurrent_saves_of_a_new_version_make_one_row(settings):
    """Eight requests save the first choice under a new declaration at once:
    one version row, eight records (get_or_create's unique digest)."""
    from django.db import connections
    from django.test import RequestFactory

    settings.COOKIEPREFS = {**settings.COOKIEPREFS, "revision": 7}
    policy = site_conf.get_policy()
    barrier = threading.Barrier(8)
    results = []

    def visitor():
        try:
            prefs = service.with_consent_id(policy.evaluate(None).accept_all())
            barrier.wait()
            results.append(service.record_choice(RequestFactory().post("/save/"), prefs, policy, language="en"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=visitor) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8 and all(r is not None for r in results)
    assert PolicyVersion.objects.filter(revision=7).count() == 1
    assert ConsentRecord.objects.filter(revision=7).count() == 8


# ------------------------------------------------------- history, consent ids


def test_a_visitor_who_changes_their_choice_keeps_their_id_and_gets_a_new_record(client):
    _, first = save(client, "accept_all")
    _, second = save(client, "reject_all", cookie=first, source="preferences_page")
    _, third = save(client, "custom", cookie=second, category=["first_party"])
    ids = {cookieprefs.decode(v).consent_id for v in (first, second, third)}
    assert len(ids) == 1
    (consent_id,) = ids
    history = list(ConsentRecord.objects.filter(consent_id=consent_id).order_by("created", "id"))
    assert [r.states for r in history] == [
        STATES_ACCEPT, STATES_REJECT, {"statistics": "denied", "first_party": "granted", "third_party": "denied"},
    ]
    assert [r.method for r in history] == ["banner", "preferences_page", "banner"]
    assert [r.cookie_value for r in history] == [first, second, third]


def test_an_expired_choice_keeps_its_id(client, monkeypatch):
    _, value = save(client, "accept_all")
    later = site_conf.today() + datetime.timedelta(days=200)  # past the 183-day max age
    monkeypatch.setattr(site_conf, "today", lambda: later)
    _, renewed = save(client, "reject_all", cookie=value)
    assert cookieprefs.decode(renewed).consent_id == cookieprefs.decode(value).consent_id
    assert ConsentRecord.objects.count() == 2


def test_a_cookie_that_cannot_be_read_gets_a_new_id(client):
    _, value = save(client, "accept_all")
    _, fresh = save(client, "accept_all", cookie=value + "x")
    assert cookieprefs.decode(fresh).consent_id != cookieprefs.decode(value).consent_id


def test_different_visitors_get_different_ids(client):
    values = [save(client, "accept_all")[1] for _ in range(20)]
    assert len({cookieprefs.decode(v).consent_id for v in values}) == 20
    assert ConsentRecord.objects.values("consent_id").distinct().count() == 20


def test_with_consent_id_changes_nothing_else():
    policy = site_conf.get_policy()
    ev = policy.evaluate(None, today=datetime.date(2026, 11, 24))
    prefs = ev.choose(["statistics"], cookieprefs.Method.PREFERENCES_PAGE)
    assert prefs.consent_id is None
    with_id = service.with_consent_id(prefs)
    assert with_id.consent_id is not None
    for field in ("revision", "created", "updated", "method", "categories"):
        assert getattr(with_id, field) == getattr(prefs, field)
    assert service.with_consent_id(with_id) is with_id
    # A refusal of a category the policy no longer offers survives too.
    stored = cookieprefs.Preferences(categories={1: "granted", 20: "denied"}, revision=1, updated=datetime.date(2026, 11, 1))
    kept = policy.evaluate(stored.encode(), today=datetime.date(2026, 11, 24)).reject_all()
    assert service.with_consent_id(kept).state(20) == cookieprefs.State.DENIED


def test_enabled_follows_installed_apps(settings):
    assert service.enabled()
    settings.INSTALLED_APPS = [app for app in settings.INSTALLED_APPS if app != "cookieprefs.django.records"]
    assert not service.enabled()


def test_record_choice_without_a_consent_id_logs_and_returns_none(rf, caplog):
    policy = site_conf.get_policy()
    prefs = policy.evaluate(None).accept_all()
    with caplog.at_level(logging.ERROR, logger="cookieprefs.records"):
        assert service.record_choice(rf.post("/save/"), prefs, policy, language="en") is None
    assert "with_consent_id" in caplog.text
    assert ConsentRecord.objects.count() == 0


def test_records_are_never_changed():
    record = _make_record()
    record.method = "imported"
    with pytest.raises(ValueError, match="never changed"):
        record.save()
    with pytest.raises(ValueError, match="never changed"):
        record.policy_version.save()


# ------------------------------------------------ the database fails mid-save


def test_database_failure_during_save_applies_the_choice_without_a_500(client, caplog):
    """A real error from the database: the records table is gone (renamed
    inside the test's transaction, which rolls it back)."""
    table = ConsentRecord._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f'ALTER TABLE "{table}" RENAME TO "{table}_gone"')
    with caplog.at_level(logging.ERROR, logger="cookieprefs.records"):
        response, value = save(client, "custom", category=["statistics"])
    prefs = cookieprefs.decode(value)
    assert prefs.state("statistics") == cookieprefs.State.GRANTED  # the choice is applied
    assert prefs.consent_id is not None
    assert "consent record not written" in caplog.text and str(prefs.consent_id) in caplog.text
    # The request's transaction is still usable, and so is the table once back.
    with connection.cursor() as cursor:
        cursor.execute(f'ALTER TABLE "{table}_gone" RENAME TO "{table}"')
    _, again = save(client, "reject_all", cookie=value)
    assert record_for(again).consent_id == prefs.consent_id
    assert ConsentRecord.objects.count() == 1


def test_database_down_during_save_applies_the_choice_without_a_500(client, caplog):
    """Every query fails, as when the server is unreachable."""

    def down(execute, sql, params, many, context):
        raise OperationalError("connection to server on socket failed: No such file or directory")

    with caplog.at_level(logging.ERROR, logger="cookieprefs.records"):
        with connection.execute_wrapper(down):
            response, value = save(client, "reject_all")
    assert cookieprefs.decode(value).state("third_party") == cookieprefs.State.DENIED
    assert response.json()["consent_id"] == str(cookieprefs.decode(value).consent_id)
    assert "consent record not written" in caplog.text and "OperationalError" in caplog.text
    assert ConsentRecord.objects.count() == 0


def test_a_failure_forgets_the_cached_version(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        save(client, "accept_all", lang="en")
    assert service._versions

    def down(execute, sql, params, many, context):
        raise OperationalError("gone")

    with connection.execute_wrapper(down):
        save(client, "accept_all", lang="en")
    assert service._versions == {}


# ---------------------------------------------------------- what is kept


def test_no_ip_address_and_no_user_agent_by_default(client):
    client.post("/save/", {"choice": "accept_all"}, REMOTE_ADDR="203.0.113.57", HTTP_USER_AGENT="Mozilla/5.0 Firefox/140.0")
    record = ConsentRecord.objects.get()
    assert record.client_ip == "" and record.user_agent_family == ""
    assert "203.0.113" not in json.dumps(record.as_dict(with_policy=True))


@pytest.mark.parametrize(
    ("remote", "stored"),
    [
        ("203.0.113.57", "203.0.113.0/24"),
        ("2001:db8:1234:5678::1", "2001:db8:1234::/48"),
        ("::ffff:198.51.100.9", "198.51.100.0/24"),
        ("not-an-ip", ""),
    ],
)
def test_truncated_ip_address(client, settings, remote, stored):
    settings.COOKIEPREFS_RECORDS = {"ip_address": "truncated"}
    client.post("/save/", {"choice": "accept_all"}, REMOTE_ADDR=remote)
    assert ConsentRecord.objects.get().client_ip == stored


def test_keyed_hash_ip_address(client, settings):
    settings.COOKIEPREFS_RECORDS = {"ip_address": "keyed_hash", "ip_hash_key": "k" * 40}
    for _ in range(2):
        client.post("/save/", {"choice": "accept_all"}, REMOTE_ADDR="203.0.113.57")
    client.post("/save/", {"choice": "accept_all"}, REMOTE_ADDR="203.0.113.58")
    first, second, other = ConsentRecord.objects.order_by("id").values_list("client_ip", flat=True)
    assert first == second != other
    assert len(first) == 32 and "203" not in first
    settings.COOKIEPREFS_RECORDS = {"ip_address": "keyed_hash", "ip_hash_key": "j" * 40}
    client.post("/save/", {"choice": "accept_all"}, REMOTE_ADDR="203.0.113.57")
    assert ConsentRecord.objects.order_by("-id")[0].client_ip != first  # another key, another hash


@pytest.mark.parametrize(
    ("agent", "family"),
    [
        ("Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0", "Firefox"),
        ("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36", "Chrome"),
        ("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 Edg/140.0", "Edge"),
        ("Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15", "Safari"),
        ("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/140.0 Safari/537.36 OPR/120.0", "Opera"),
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "bot"),
        ("curl/8.0", "other"),
        ("", "other"),
    ],
)
def test_user_agent_family_only_when_asked(client, settings, agent, family):
    settings.COOKIEPREFS_RECORDS = {"user_agent_family": True}
    client.post("/save/", {"choice": "accept_all"}, HTTP_USER_AGENT=agent)
    assert ConsentRecord.objects.get().user_agent_family == family


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([], "must be a dict"),
        ({"retention": 10}, "unknown key 'retention'"),
        ({"retention_days": 0}, "retention_days"),
        ({"retention_days": True}, "retention_days"),
        ({"retention_days": "365"}, "retention_days"),
        ({"ip_address": "full"}, "ip_address"),
        ({"user_agent_family": "yes"}, "user_agent_family"),
        ({"ip_hash_key": "short"}, "ip_hash_key"),
    ],
)
def test_bad_settings_are_refused(settings, value, message):
    settings.COOKIEPREFS_RECORDS = value
    with pytest.raises(ImproperlyConfigured, match=message):
        conf.get_settings()


def test_default_settings(settings):
    del settings.COOKIEPREFS_RECORDS
    assert conf.get_settings() == conf.RecordsSettings(retention_days=2192, ip_address=None, user_agent_family=False)


def test_migrations_are_up_to_date():
    call_command("makemigrations", "cookieprefs_records", "--check", "--dry-run", verbosity=0)


# ------------------------------------------------------------------ admin


def _make_record(choice="accept_all", lang="en", created=None):
    policy = site_conf.get_policy()
    ev = policy.evaluate(None)
    prefs = service.with_consent_id(ev.accept_all() if choice == "accept_all" else ev.reject_all())
    from django.test import RequestFactory

    record = service.record_choice(RequestFactory().post("/save/"), prefs, policy, language=lang)
    assert record is not None
    if created is not None:
        ConsentRecord.objects.filter(pk=record.pk).update(created=created)
        record.refresh_from_db()
    return record


ADMIN = "/admin/cookieprefs_records/consentrecord/"


def _listed(response):
    return {str(r.consent_id) for r in response.context["cl"].result_list}


def test_admin_lists_and_searches_by_consent_id_or_cookie_value(admin_client):
    a, b = _make_record(), _make_record("reject_all")
    response = admin_client.get(ADMIN)
    assert response.status_code == 200
    assert _listed(response) == {str(a.consent_id), str(b.consent_id)}
    assert _listed(admin_client.get(ADMIN, {"q": str(a.consent_id)})) == {str(a.consent_id)}
    assert _listed(admin_client.get(ADMIN, {"q": str(a.consent_id).upper()})) == {str(a.consent_id)}
    assert _listed(admin_client.get(ADMIN, {"q": b.cookie_value})) == {str(b.consent_id)}
    assert _listed(admin_client.get(ADMIN, {"q": "not an id"})) == set()


def test_admin_filters_by_date_revision_method_and_category_state(admin_client):
    now = timezone.now()
    old = _make_record("accept_all", created=now - datetime.timedelta(days=40))
    new = _make_record("reject_all")
    granted = admin_client.get(ADMIN, {"category_state": "statistics:granted"})
    assert _listed(granted) == {str(old.consent_id)}
    assert _listed(admin_client.get(ADMIN, {"category_state": "third_party:denied"})) == {str(new.consent_id)}
    assert _listed(admin_client.get(ADMIN, {"category_state": "statistics:not_asked"})) == set()
    assert "statistics: granted" in granted.content.decode()
    week = admin_client.get(ADMIN, {  # what the filter's "Past 7 days" link sends
        "created__gte": (now - datetime.timedelta(days=7)).isoformat(),
        "created__lt": (now + datetime.timedelta(days=1)).isoformat(),
    })
    assert _listed(week) == {str(new.consent_id)}
    assert _listed(admin_client.get(ADMIN, {"revision": 1})) == {str(old.consent_id), str(new.consent_id)}
    assert _listed(admin_client.get(ADMIN, {"method__exact": "banner"})) == {str(old.consent_id), str(new.consent_id)}
    assert _listed(admin_client.get(ADMIN, {"method__exact": "imported"})) == set()


def test_admin_is_read_only(admin_client):
    record = _make_record()
    listing = admin_client.get(ADMIN).content.decode()
    assert "action-checkbox" not in listing and 'name="action"' not in listing
    assert admin_client.get(f"{ADMIN}add/").status_code == 403
    detail = admin_client.get(f"{ADMIN}{record.pk}/change/")
    assert detail.status_code == 200
    assert str(record.consent_id) in detail.content.decode() and 'name="_save"' not in detail.content.decode()
    assert admin_client.post(f"{ADMIN}{record.pk}/change/", {"method": "imported"}).status_code == 403
    assert admin_client.get(f"{ADMIN}{record.pk}/delete/").status_code == 403
    assert admin_client.post(f"{ADMIN}{record.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin_client.post(ADMIN, {"action": "delete_selected", "_selected_action": [record.pk]}).status_code in (200, 302)
    assert ConsentRecord.objects.filter(method="banner").count() == 1


def test_admin_shows_the_policy_version(admin_client):
    record = _make_record(lang="fr")
    version = record.policy_version
    page = admin_client.get(f"/admin/cookieprefs_records/policyversion/{version.pk}/change/").content.decode()
    assert "Charte cookies" in page  # the French page as shown
    assert "Lecteur vidéo tiers" in page
    assert admin_client.get("/admin/cookieprefs_records/policyversion/").status_code == 200
    assert admin_client.get(f"/admin/cookieprefs_records/policyversion/{version.pk}/delete/").status_code == 403


# ---------------------------------------------------------------- export


def _export(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("cookieprefs_export", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_export_json_lines(tmp_path):
    a = _make_record(lang="fr")
    b = _make_record("reject_all")
    text, err = _export()
    lines = [json.loads(line) for line in text.splitlines()]
    assert [line["consent_id"] for line in lines] == [str(a.consent_id), str(b.consent_id)]
    assert lines[0] == {
        "consent_id": str(a.consent_id),
        "created": a.created.isoformat(),
        "revision": 1,
        "method": "banner",
        "states": STATES_ACCEPT,
        "cookie_value": a.cookie_value,
        "client_ip": "",
        "user_agent_family": "",
        "policy_version": {
            "digest": a.policy_version.digest, "revision": 1, "language": "fr",
            "library_version": cookieprefs.__version__,
        },
    }
    assert "2 consent records exported" in err
    full = json.loads(_export("--with-policy", "--consent-id", str(a.consent_id))[0])
    assert full["policy_version"]["declaration"] == json.loads(site_conf.get_policy().to_json())
    assert full["policy_version"]["page"].startswith("# Charte cookies")
    out = tmp_path / "records.jsonl"
    _export("--output", str(out))
    assert out.read_text(encoding="utf-8") == text


def test_export_csv():
    a = _make_record()
    b = _make_record("reject_all")
    text, _ = _export("--format", "csv")
    assert text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [
        "consent_id", "created", "revision", "method", "statistics", "first_party", "third_party",
        "cookie_value", "policy_version", "language", "library_version", "client_ip", "user_agent_family",
    ]
    assert [(r["consent_id"], r["statistics"], r["third_party"]) for r in rows] == [
        (str(a.consent_id), "granted", "granted"), (str(b.consent_id), "denied", "denied"),
    ]
    assert rows[1]["cookie_value"] == b.cookie_value and rows[1]["policy_version"] == b.policy_version.digest


def test_export_by_date_range_and_consent_id():
    day = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.timezone.utc)
    before = _make_record(created=day - datetime.timedelta(days=1))
    first = _make_record(created=day.replace(hour=0))
    last = _make_record(created=day.replace(hour=23, minute=59, second=59))
    after = _make_record(created=day + datetime.timedelta(days=1))

    def ids(*args):
        return [json.loads(line)["consent_id"] for line in _export(*args)[0].splitlines()]

    assert ids("--from", "2026-03-10", "--to", "2026-03-10") == [str(first.consent_id), str(last.consent_id)]
    assert ids("--from", "2026-03-10") == [str(r.consent_id) for r in (first, last, after)]
    assert ids("--to", "2026-03-09") == [str(before.consent_id)]
    assert ids("--from", "2026-03-10T12:00:00", "--to", "2026-03-11T12:00:00+00:00") == [
        str(last.consent_id), str(after.consent_id),
    ]
    assert ids("--consent-id", str(after.consent_id), "--consent-id", str(before.consent_id)) == [
        str(before.consent_id), str(after.consent_id),
    ]
    assert ids("--consent-id", str(uuid.uuid4())) == []
    assert ids("--consent-id", str(first.consent_id), "--from", "2026-03-11") == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "10/03/2026"), "not a date"),
        (("--consent-id", "abc"), "not a consent id"),
    ],
)
def test_export_refuses_bad_arguments(args, message):
    with pytest.raises(CommandError, match=message):
        _export(*args)


# ------------------------------------------------------------------- purge


def _purge(*args):
    out = io.StringIO()
    call_command("cookieprefs_purge", *args, stdout=out)
    return out.getvalue()


def test_purge_deletes_records_older_than_the_retention():
    now = timezone.now()
    gone = _make_record(created=now - datetime.timedelta(days=2193))
    kept = _make_record(created=now - datetime.timedelta(days=2190))
    recent = _make_record()
    assert "1 consent record saved before" in _purge("--dry-run")
    assert ConsentRecord.objects.count() == 3
    assert "1 consent record saved before" in _purge()
    assert set(ConsentRecord.objects.values_list("pk", flat=True)) == {kept.pk, recent.pk}
    assert PolicyVersion.objects.filter(pk=gone.policy_version_id).exists()  # versions stay
    assert "0 consent records" in _purge()


def test_purge_with_a_configured_or_given_retention(settings):
    now = timezone.now()
    _make_record(created=now - datetime.timedelta(days=400))
    _make_record(created=now - datetime.timedelta(days=200))
    settings.COOKIEPREFS_RECORDS = {"retention_days": 365}
    assert "1 consent record saved" in _purge()
    assert "1 consent record saved" in _purge("--retention-days", "190")
    assert ConsentRecord.objects.count() == 0


def test_purge_refuses_a_retention_shorter_than_the_max_age():
    _make_record(created=timezone.now() - datetime.timedelta(days=100))
    with pytest.raises(CommandError, match="shorter than the policy's max age"):
        _purge("--retention-days", "30")
    assert ConsentRecord.objects.count() == 1
    assert "1 consent record" in _purge("--retention-days", "30", "--allow-short-retention")
    with pytest.raises(CommandError, match="at least 1"):
        _purge("--retention-days", "0", "--allow-short-retention")


def test_purge_by_consent_id_deletes_that_visitors_records_only():
    a, b = _make_record(), _make_record()
    with pytest.raises(CommandError, match="not a consent id"):
        _purge("--consent-id", "nope")
    with pytest.raises(CommandError, match="do not go together"):
        _purge("--consent-id", str(a.consent_id), "--retention-days", "400")
    assert "1 consent record of the consent ids given would be deleted" in _purge("--consent-id", str(a.consent_id), "--dry-run")
    assert "1 consent record of the consent ids given deleted" in _purge("--consent-id", str(a.consent_id))
    assert list(ConsentRecord.objects.values_list("consent_id", flat=True)) == [b.consent_id]


def test_the_shipped_save_view_records_the_choice_before_the_cookie(client):
    response = client.post("/cookies/save/", {"choice": "reject_all", "source": "preferences_page", "next": "/"})
    assert response.status_code == 302
    value = response.headers["Set-Cookie"].split(";", 1)[0].split("=", 1)[1]
    record = record_for(value)
    assert record.states == STATES_REJECT and record.method == "preferences_page"
    # A later choice of the same browser keeps its consent id: a second record.
    response = client.post("/cookies/save/", {"choice": "accept_all"}, HTTP_COOKIE=f"cookies_preferences={value}")
    again = response.headers["Set-Cookie"].split(";", 1)[0].split("=", 1)[1]
    assert cookieprefs.decode(again).consent_id == cookieprefs.decode(value).consent_id
    assert ConsentRecord.objects.filter(consent_id=record.consent_id).count() == 2
