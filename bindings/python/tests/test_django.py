"""The Django app through Django's test client and a real settings module."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

import cookieprefs
from cookieprefs.django import conf

DAY = datetime.date(2026, 11, 24)
TYPICAL = "BAADCdcJ1w5Q"  # statistics granted, others denied, revision 3, 2026-11-24
HEADER_OF_TYPICAL = "cookies_preferences=BAADCdcJ1w5Q; Max-Age=15811200; Path=/; SameSite=Lax; Secure"


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(conf, "today", lambda: DAY)


def value_of(day, **states):
    return cookieprefs.Preferences(categories=states, revision=3, updated=day).encode()


def page(client, cookie=None, **headers):
    if cookie is not None:
        headers["HTTP_COOKIE"] = cookie
    response = client.get("/", **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_no_cookie_shows_the_banner_and_loads_nothing(client):
    html = page(client)
    assert 'class="cookieprefs cookieprefs-banner"' in html
    assert 'id="statistics"' not in html
    assert '<p id="reason">no_choice</p>' in html
    # Refusing is as easy as accepting: same element, same class.
    assert '<button type="submit" name="choice" value="reject_all" class="cookieprefs-button">Refuse all</button>' in html
    assert '<button type="submit" name="choice" value="accept_all" class="cookieprefs-button">Accept all</button>' in html
    assert "gtag('consent','update',{\"ad_storage\":\"denied\"" in html


def test_valid_cookie_hides_the_banner_and_loads_statistics(client):
    html = page(client, f"sessionid=x; cookies_preferences={TYPICAL}")
    assert "cookieprefs-banner" not in html
    assert 'id="statistics"' in html
    assert '"analytics_storage":"granted"' in html and '"ad_storage":"denied"' in html


@pytest.mark.parametrize(
    ("cookie", "reason"),
    [
        ("cookies_preferences=" + value_of(DAY - datetime.timedelta(days=183), statistics="granted",
                                           first_party="denied", third_party="denied"), "expired"),
        ('cookies_preferences={"statistics":true}', "invalid_value"),
        ("cookies_preferences=%7B%7D", "invalid_value"),
        ("cookies_preferences=" + value_of(DAY + datetime.timedelta(days=2), statistics="granted"), "invalid_value"),
        ("cookies_preferences=\xff\xfe", "invalid_value"),
    ],
    ids=["expired", "raw-json", "garbage", "future-dated", "binary"],
)
def test_bad_or_stale_cookies_ask_again_without_error(client, cookie, reason):
    html = page(client, cookie)
    assert f'<p id="reason">{reason}</p>' in html
    assert "cookieprefs-banner" in html
    assert 'id="statistics"' not in html


def test_partial_choice_asks_only_for_the_rest(client):
    html = page(client, "cookies_preferences=" + value_of(DAY, statistics="granted"))
    assert '<p id="reason">new_category</p>' in html
    assert 'id="statistics"' in html  # the answer given stands
    assert 'name="category" value="statistics" id="cookieprefs-banner-statistics" aria-describedby="cookieprefs-banner-statistics-help" checked>' in html
    assert 'name="category" value="third_party" id="cookieprefs-banner-third_party" aria-describedby="cookieprefs-banner-third_party-help">' in html


def test_a_planted_copy_never_grants_what_the_visitors_own_refuses(client):
    # FORMAT.md §8: a grant counts only if every valid copy grants it, in
    # either order (Django's request.COOKIES would keep only the last copy).
    refused = value_of(DAY, statistics="denied", first_party="denied", third_party="denied")
    for header in (f"cookies_preferences={TYPICAL}; cookies_preferences={refused}",
                   f"cookies_preferences={refused}; cookies_preferences={TYPICAL}"):
        html = page(client, header)
        assert 'id="statistics"' not in html
        response = client.get("/", HTTP_COOKIE=header)
        prefs = response.wsgi_request.cookie_preferences
        assert prefs.allowed["statistics"] is False
        assert prefs.evaluation.copies == 2


def test_gpc(client):
    html = page(client, None, HTTP_SEC_GPC="1")
    assert "cookieprefs-banner" in html  # statistics and first_party must still be asked
    response = client.get("/", HTTP_SEC_GPC="1")
    assert "Set-Cookie" not in response.headers  # nothing written from GPC alone
    prefs = response.wsgi_request.cookie_preferences
    assert prefs.gpc_applied and prefs.states["third_party"] == "denied"
    # An explicit stored grant wins over the signal.
    granted = value_of(DAY, statistics="granted", first_party="granted", third_party="granted")
    response = client.get("/", HTTP_COOKIE=f"cookies_preferences={granted}", HTTP_SEC_GPC="1")
    assert response.wsgi_request.cookie_preferences.allowed["third_party"] is True


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ({"choice": "accept_all"}, {"statistics": "granted", "first_party": "granted", "third_party": "granted"}),
        ({"choice": "reject_all"}, {"statistics": "denied", "first_party": "denied", "third_party": "denied"}),
        ({"choice": "custom", "category": ["statistics"]},
         {"statistics": "granted", "first_party": "denied", "third_party": "denied"}),
    ],
)
def test_saving_a_choice_writes_the_libraries_bytes(client, form, expected):
    response = client.post("/cookies/save/", {**form, "next": "/after"})
    assert response.status_code == 302 and response["Location"] == "/after"
    header = response.headers["Set-Cookie"]
    value = cookieprefs.Preferences(categories=expected, revision=3, updated=DAY).encode()
    assert header == f"cookies_preferences={value}; Max-Age=15811200; Path=/; SameSite=Lax; Secure"
    assert response["Cache-Control"] == "no-store"
    if form.get("category") == ["statistics"]:
        assert header == HEADER_OF_TYPICAL  # the same bytes as Rust, C and the CLI
    # The next request sees the choice.
    html = page(client, header.split(";")[0])
    assert "cookieprefs-banner" not in html


def test_saving_keeps_created_and_records_the_method(client):
    earlier = cookieprefs.Preferences(categories={1: "denied", 2: "denied", 3: "denied"}, revision=3,
                                      updated=DAY - datetime.timedelta(days=10))
    response = client.post("/cookies/save/", {"choice": "accept_all", "source": "preferences_page"},
                           HTTP_COOKIE=f"cookies_preferences={earlier.encode()}")
    value = response.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
    saved = cookieprefs.decode(value)
    assert saved.created == earlier.created and saved.updated == DAY
    assert saved.method == cookieprefs.Method.PREFERENCES_PAGE


def test_json_fetch(client):
    response = client.post("/cookies/save/", json.dumps({"choice": "custom", "categories": ["statistics"]}),
                           content_type="application/json")
    assert response.status_code == 200
    body = response.json()
    assert body["value"] == TYPICAL
    assert body["categories"] == {"statistics": "granted", "first_party": "denied", "third_party": "denied"}
    assert body["allowed"] == {"necessary": True, "statistics": True, "first_party": False, "third_party": False}
    assert body["consent_mode"]["analytics_storage"] == "granted" and body["consent_mode"]["ad_storage"] == "denied"
    assert body["needs_banner"] is False
    assert response.headers["Set-Cookie"] == HEADER_OF_TYPICAL


@pytest.mark.parametrize(
    "body",
    [{"choice": "maybe"}, {"choice": "custom", "category": ["youtube"]}, {"choice": "custom", "category": ["necessary"]}],
)
def test_bad_choices_are_400(client, body):
    response = client.post("/cookies/save/", body)
    assert response.status_code == 400
    assert "Set-Cookie" not in response.headers


def test_bad_json_is_400(client):
    assert client.post("/cookies/save/", "{", content_type="application/json").status_code == 400
    assert client.post("/cookies/save/", "[1]", content_type="application/json").status_code == 400


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_unsafe_redirects_are_refused(client, target):
    response = client.post("/cookies/save/", {"choice": "reject_all", "next": target})
    assert response.status_code == 302 and response["Location"] == "/"


def test_get_is_not_allowed(client):
    assert client.get("/cookies/save/").status_code == 405


def test_csrf_is_enforced():
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/cookies/save/", {"choice": "accept_all"})
    assert response.status_code == 403
    assert "Set-Cookie" not in response.headers or "cookies_preferences" not in response.headers["Set-Cookie"]
    # With the token from the banner form it works.
    html = strict.get("/").content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = strict.post("/cookies/save/", {"choice": "accept_all", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response.headers["Set-Cookie"].startswith("cookies_preferences=")


def test_consent_mode_tag_with_nonce(rf):
    from django.template import Context, Template

    from cookieprefs.django.preferences import evaluate_request

    request = rf.get("/", HTTP_COOKIE=f"cookies_preferences={TYPICAL}")
    request.cookie_preferences = evaluate_request(request)
    out = Template("{% load cookieprefs %}{% cookieprefs_consent_mode nonce='abc\"1' %}").render(
        Context({"request": request}))
    assert out.startswith('<script nonce="abc&quot;1">')
    assert "gtag('consent','update',{\"ad_storage\":\"denied\",\"ad_user_data\":\"denied\"," in out
    assert '"analytics_storage":"granted"' in out and out.endswith("</script>")
    request.csp_nonce = "n0nce"
    out = Template("{% load cookieprefs %}{% cookieprefs_consent_mode %}").render(Context({"request": request}))
    assert out.startswith('<script nonce="n0nce">')


@pytest.mark.parametrize("setting", ["SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME", "LANGUAGE_COOKIE_NAME"])
def test_a_consent_cookie_named_like_a_django_cookie_is_refused(settings, setting):
    settings.COOKIEPREFS = {"cookie": {"name": "site_cookie"}}
    setattr(settings, setting, "site_cookie")
    with pytest.raises(ImproperlyConfigured, match=f"named 'site_cookie', like Django's {setting}"):
        conf.get_policy()


def test_host_prefix_rules_are_the_cores(settings):
    settings.COOKIEPREFS = {"cookie": {"name": "__Host-prefs", "path": "/portal"}}
    with pytest.raises(ImproperlyConfigured, match="__Host- prefix, which requires secure: true, no domain and path"):
        conf.get_policy()
    settings.COOKIEPREFS = {"cookie": {"name": "__Host-prefs"}}
    assert conf.get_policy().cookie_name == "__Host-prefs"


def test_invalid_settings_are_refused_at_startup(settings):
    settings.COOKIEPREFS = {"revision": 1, "max_age_days": {"granted": 400, "denied": 30}}
    with pytest.raises(ImproperlyConfigured, match=r"COOKIEPREFS: invalid policy: max_age_days.granted is 400 days, it must be 1..=395"):
        conf.get_policy()
    settings.COOKIEPREFS = ["not", "a", "dict"]
    with pytest.raises(ImproperlyConfigured, match="must be a dict"):
        conf.get_policy()
    from django.apps import apps

    settings.COOKIEPREFS = {"revision": 99999}
    with pytest.raises(ImproperlyConfigured, match="revision 99999 out of range"):
        apps.get_app_config("cookieprefs").ready()


def test_settings_errors_name_the_setting_and_the_key(settings):
    settings.COOKIEPREFS = {"revision": 1, "categories": [{"id": 1, "name": "statistics"}, {"id": 2, "name": 5}]}
    with pytest.raises(ImproperlyConfigured) as info:
        conf.get_policy()
    assert str(info.value) == "COOKIEPREFS: $.categories[1].name: expected a string, found an integer"


def test_settings_that_are_not_json_are_refused(settings):
    settings.COOKIEPREFS = {"revision": 1, "categories": {1, 2}}
    with pytest.raises(ImproperlyConfigured, match="^COOKIEPREFS: "):
        conf.get_policy()


def test_no_setting_is_the_default_policy(settings):
    del settings.COOKIEPREFS
    assert conf.get_policy().to_json() == cookieprefs.Policy().to_json()


def test_names_are_the_cores(client):
    response = client.get("/")
    prefs = response.wsgi_request.cookie_preferences
    assert prefs.banner_reason == prefs.evaluation.banner_reason == "no_choice"
    assert prefs.allowed == {"necessary": True, "statistics": False, "first_party": False, "third_party": False}
    assert prefs.offered == [("statistics", "not_asked"), ("first_party", "not_asked"), ("third_party", "not_asked")]
    with pytest.deprecated_call():
        assert prefs.reason == "no_choice"


def test_settings_change_the_policy(settings, client):
    settings.COOKIEPREFS = {"revision": 4, "categories": [{"id": 1, "name": "statistics", "since_revision": 4}]}
    html = page(client, f"cookies_preferences={TYPICAL}")
    assert '<p id="reason">policy_updated</p>' in html


def vary(response):
    return {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}


def test_pages_that_use_the_evaluation_vary_on_cookie_and_gpc(client, settings):
    response = client.get("/")
    assert {"cookie", "sec-gpc"} <= vary(response)  # the policy's GPC signal refuses third_party
    assert "private" not in response.get("Cache-Control", "")
    # A page that never looks at the choices is left alone.
    response = client.get("/plain/")
    assert "cookie" not in vary(response) and "Cache-Control" not in response
    # No GPC categories: the signal changes nothing, so the page does not vary on it.
    settings.COOKIEPREFS = {"revision": 3, "categories": [{"id": 1, "name": "statistics"}], "gpc_categories": []}
    assert vary(client.get("/")) == {"cookie"}


def test_cache_control_private_setting(client, settings):
    settings.COOKIEPREFS_CACHE_CONTROL_PRIVATE = True
    response = client.get("/", HTTP_COOKIE=f"cookies_preferences={TYPICAL}")
    assert "private" in response["Cache-Control"] and "cookie" in vary(response)
    assert "Cache-Control" not in client.get("/plain/")
    response = client.post("/cookies/save/", {"choice": "reject_all"})
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}


HOSTILE_JSON = {
    "int-2**63": b'{"choice":"custom","categories":[9223372036854775808]}',
    "int-below-i64": b'{"choice":"custom","categories":[-9223372036854775809]}',
    "int-10**30": b'{"choice":"custom","categories":[1000000000000000000000000000000]}',
    "int-4000-digits": b'{"choice":"custom","categories":[' + b"9" * 4000 + b"]}",
    "int-5000-digits": b'{"choice":"custom","categories":[' + b"9" * 5000 + b"]}",  # beyond Python's int digit limit
    "int-64": b'{"choice":"custom","categories":[64]}',
    "true": b'{"choice":"custom","categories":[true]}',
    "false": b'{"choice":"custom","categories":[false]}',
    "float": b'{"choice":"custom","categories":[1.0]}',
    "null": b'{"choice":"custom","categories":[null]}',
    "nested-list": b'{"choice":"custom","categories":[[1]]}',
    "object": b'{"choice":"custom","categories":[{"a":1}]}',
    "categories-object": b'{"choice":"custom","categories":{"statistics":true}}',
    "surrogate-name": b'{"choice":"custom","categories":["\\ud800"]}',
    "html-name": b'{"choice":"custom","categories":["<script>alert(1)</script>"]}',
    "unknown-choice": b'{"choice":"<b>x</b>"}',
    "list-choice": b'{"choice":["accept_all"]}',
    "deep-list": b"[" * 100_000,
    "deep-object": b'{"a":' * 100_000,
    "deep-within-size": b'{"choice":"custom","categories":' + b"[" * 5000 + b"]" * 5000 + b"}",
    "too-large": b'{"choice":"accept_all","pad":"' + b"x" * 20_000 + b'"}',
    "not-utf8": b'{"choice":"\xff\xfe"}',
    "not-json": b"{",
    "not-an-object": b"[1]",
}


@pytest.mark.parametrize("body", list(HOSTILE_JSON.values()), ids=list(HOSTILE_JSON))
def test_hostile_json_bodies_get_a_plain_text_400(client, body):
    response = client.post("/cookies/save/", body, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in response.headers


def test_hostile_form_bodies_get_a_plain_text_400(client):
    for form in [{"choice": "custom", "category": ["<script>alert(1)</script>"]},
                 {"choice": "<script>"},
                 {"choice": "custom", **{f"f{i}": "x" for i in range(1500)}}]:  # beyond DATA_UPLOAD_MAX_NUMBER_FIELDS
        response = client.post("/cookies/save/", form)
        assert response.status_code == 400, form
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert "Set-Cookie" not in response.headers
    response = client.post("/cookies/save/", {"choice": "custom", "category": ["<script>alert(1)</script>"]})
    assert b"<script>alert(1)</script>" in response.content  # the core's message names it, as plain text


def test_json_ids_are_categories(client):
    response = client.post("/cookies/save/", json.dumps({"choice": "custom", "categories": [1]}),
                           content_type="application/json")
    assert response.status_code == 200 and response.json()["value"] == TYPICAL
