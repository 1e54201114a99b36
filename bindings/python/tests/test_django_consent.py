"""The consent experience of the Django app: translations, the banner's
targeted questions, GPC, the shipped pages, enforcement, Consent Mode, the
template tags and the system checks (Django's test client, the example
portal's declaration)."""

from __future__ import annotations

import datetime
import gettext
import json
import pathlib
import re

import pytest
from django.core.checks import run_checks
from django.template import Context, Template

import cookieprefs
from cookieprefs.django import conf

DAY = datetime.date(2026, 11, 24)
REPO = pathlib.Path(__file__).resolve().parents[3]
PORTAL = json.loads((REPO / "examples" / "policies" / "opendatasoft-portal.json").read_text(encoding="utf-8"))
APP = REPO / "bindings" / "python" / "python" / "cookieprefs" / "django"


@pytest.fixture(autouse=True)
def portal(settings, monkeypatch):
    monkeypatch.setattr(conf, "today", lambda: DAY)
    settings.COOKIEPREFS = {**PORTAL, "revision": 3}
    settings.LANGUAGE_CODE = "fr"
    return settings


def value(revision=3, **states):
    return cookieprefs.Preferences(categories=states, revision=revision, updated=DAY).encode()


def saved(response):
    header = response.headers["Set-Cookie"]
    return {k: str(v) for k, v in cookieprefs.decode(header.split(";")[0].split("=", 1)[1]).categories.items()}


def html(client, cookie=None, path="/", **headers):
    if cookie is not None:
        headers["HTTP_COOKIE"] = cookie
    response = client.get(path, **headers)
    assert response.status_code == 200
    return response.content.decode()


# ------------------------------------------------------------- translations


def test_the_banner_speaks_french_with_the_declarations_texts(client):
    page = html(client)
    assert "Vos choix en matière de cookies" in page
    assert ">Tout refuser</button>" in page and ">Tout accepter</button>" in page
    assert '<label for="cookieprefs-banner-statistics">' in page
    assert "Se souvenir de la langue du visiteur" in page  # a cookie's purpose, in French
    assert "<code>_pk_id.*</code>" in page
    assert 'href="/cookies/policy/"' in page


def test_the_banner_in_english_and_the_fallback(client, settings):
    settings.LANGUAGE_CODE = "en"
    page = html(client)
    assert "Your cookie choices" in page and ">Refuse all</button>" in page
    assert "Remember the visitor&#x27;s language" in page
    settings.LANGUAGE_CODE = "de"  # not a language of the policy: its default, French
    page = html(client)
    assert "Se souvenir de la langue du visiteur" in page


def read_po(path: pathlib.Path) -> dict[str, str]:
    """msgid -> msgstr (msgstr[0] for plurals) of a .po file."""
    entries: dict[str, str] = {}
    field = None
    parts: dict[str, list[str]] = {}

    def flush() -> None:
        if "msgid" in parts:
            msgstr = parts.get("msgstr", parts.get("msgstr[0]", []))
            entries["".join(parts["msgid"])] = "".join(msgstr)

    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) (".*")$', line)
        if m:
            field = m.group(1)
            if field == "msgid":
                flush()
                parts = {}
            parts[field] = [json.loads(m.group(2))]
        elif line.startswith('"') and field:
            parts[field].append(json.loads(line))
    flush()
    return entries


@pytest.mark.parametrize("root", [APP, REPO / "examples" / "django_site" / "site_example"], ids=["app", "example"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_committed_catalogues_are_compiled_from_their_po(root, lang):
    po = read_po(root / "locale" / lang / "LC_MESSAGES" / "django.po")
    with open(root / "locale" / lang / "LC_MESSAGES" / "django.mo", "rb") as f:
        mo = gettext.GNUTranslations(f)
    catalog = {k if isinstance(k, str) else k[0]: v for k, v in mo._catalog.items()  # type: ignore[attr-defined]
               if not isinstance(k, tuple) or k[1] == 0}
    for msgid, msgstr in po.items():
        if msgid and msgstr:
            assert catalog.get(msgid) == msgstr, f"{lang} .mo is stale for {msgid!r}: run scripts/compile-messages.sh"
    if lang == "fr":
        assert all(po.values()), [k for k, v in po.items() if not v]  # every French string translated


# ------------------------------------------------- targeted re-consent, GPC


def test_targeted_reconsent_asks_only_the_new_category_and_keeps_standing_grants(client, settings):
    settings.COOKIEPREFS = {**PORTAL, "revision": 4, "categories": [
        *PORTAL["categories"], {"id": 16, "name": "maps", "since_revision": 4}]}
    cookie = "cookies_preferences=" + value(statistics="granted", first_party="denied", third_party="denied")
    page = html(client, cookie)
    assert "Une nouvelle question sur les cookies" in page
    assert "<strong>maps</strong>" in page  # a site category without texts: its name (the core's fallback)
    assert ">Refuser</button>" in page and ">Accepter</button>" in page
    response = client.post("/cookies/save/", {"choice": "reject_all", "source": "banner"}, HTTP_COOKIE=cookie)
    assert saved(response) == {"statistics": "granted", "first_party": "denied", "third_party": "denied", "16": "denied"}
    response = client.post("/cookies/save/", {"choice": "accept_all", "source": "banner"}, HTTP_COOKIE=cookie)
    assert saved(response) == {"statistics": "granted", "first_party": "denied", "third_party": "denied", "16": "granted"}
    # On the preferences page "Refuse all" is the visitor asking: everything refused.
    response = client.post("/cookies/save/", {"choice": "reject_all", "source": "preferences_page"}, HTTP_COOKIE=cookie)
    assert set(saved(response).values()) == {"denied"}


def test_gpc_is_named_in_the_banner_and_accept_all_keeps_its_refusal(client):
    page = html(client, HTTP_SEC_GPC="1")
    assert 'class="cookieprefs-gpc"' in page and "Global Privacy Control" in page
    assert "refusés par le signal GPC de votre navigateur" in page
    response = client.post("/cookies/save/", {"choice": "accept_all"}, HTTP_SEC_GPC="1")
    assert saved(response) == {"statistics": "granted", "first_party": "granted", "third_party": "denied"}
    response = client.post("/cookies/save/", {"choice": "custom", "category": ["statistics", "third_party"]},
                           HTTP_SEC_GPC="1")
    assert saved(response)["third_party"] == "granted"  # an explicit tick grants it


@pytest.mark.parametrize("gpc", [False, True])
@pytest.mark.parametrize("cookie", [None, value(statistics="granted"), value(statistics="denied", third_party="granted"),
                                    value(revision=2, statistics="granted", first_party="denied", third_party="denied")])
def test_the_banners_buttons_save_the_cores_answers(client, settings, cookie, gpc):
    # Revision 3 re-asks first_party: an answer given under revision 2 no longer counts.
    settings.COOKIEPREFS = {**PORTAL, "revision": 3, "categories": [
        {**c, "since_revision": 3} if c["name"] == "first_party" else c for c in PORTAL["categories"]]}
    headers = {"HTTP_SEC_GPC": "1"} if gpc else {}
    if cookie is not None:
        headers["HTTP_COOKIE"] = "cookies_preferences=" + cookie
    ev = conf.get_policy().evaluate(cookie, today=DAY, gpc=gpc)
    for choice, expected in (("accept_all", ev.accept_asked()), ("reject_all", ev.reject_asked())):
        response = client.post("/cookies/save/", {"choice": choice}, **headers)
        assert response.headers["Set-Cookie"].split(";")[0] == "cookies_preferences=" + expected.encode(), choice
    # The preferences page's "Accept all" grants every category but those GPC refused.
    response = client.post("/cookies/save/", {"choice": "accept_all", "source": "preferences_page"}, **headers)
    refused = set(ev.gpc_refused)
    assert saved(response) == {
        name: "denied" if name in refused else "granted" for _id, name, _since in ev.policy.categories}


def test_a_placeholders_grant_adds_to_the_current_grants(client):
    cookie = "cookies_preferences=" + value(statistics="granted", first_party="denied", third_party="denied")
    response = client.post("/cookies/save/", {"choice": "grant", "category": "third_party", "source": "placeholder"},
                           HTTP_COOKIE=cookie)
    assert saved(response) == {"statistics": "granted", "first_party": "denied", "third_party": "granted"}


# ------------------------------------------------------------- the pages


def test_preferences_page(client):
    cookie = "cookies_preferences=" + value(statistics="granted", first_party="denied", third_party="denied")
    page = html(client, cookie, "/cookies/preferences/")
    assert "<h1>Gérer les cookies</h1>" in page
    assert "Cookies statistiques : acceptés" in page and "Cookies tiers (third-party) : refusés" in page
    assert 'value="preferences_page"' in page and "cookieprefs-banner" not in page
    assert 'id="cookieprefs-page-statistics" aria-describedby="cookieprefs-page-statistics-help" checked' in page
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "duplicate ids"
    response = client.post("/cookies/save/", {"choice": "reject_all", "source": "preferences_page",
                                              "next": "/cookies/preferences/?saved=1"}, HTTP_COOKIE=cookie)
    assert response["Location"] == "/cookies/preferences/?saved=1"
    assert "Vos choix ont été enregistrés." in html(client, cookie, "/cookies/preferences/?saved=1")


def test_policy_page_embeds_the_cores_page(client):
    page = html(client, None, "/cookies/policy/")
    assert conf.get_policy().page("fr", format="html") in page
    for name in ("sessionid", "django_language", "csrftoken", "cookies_preferences"):
        assert name in page
    assert "Votre choix actuel" in page and 'action="/cookies/save/"' in page
    assert "cookieprefs-banner" not in page
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_manage_link_and_gated_content(rf, settings):
    from cookieprefs.django.preferences import evaluate_request

    def render(cookie):
        request = rf.get("/", HTTP_COOKIE=cookie)
        request.cookie_preferences = evaluate_request(request)
        return Template((pathlib.Path(__file__).parent / "templates" / "gated.html").read_text()).render(
            Context({"request": request, "csrf_token": "t"}))

    undecided = render("")
    assert '<template data-cookieprefs-category="statistics"><script id="stats"></script></template>' in undecided
    assert 'data-cookieprefs-placeholder="third_party"' in undecided
    assert '<a href="/cookies/preferences/" class="cookieprefs-manage-link">Gérer les cookies</a>' in undecided
    refused = render("cookies_preferences=" + value(statistics="denied", first_party="denied", third_party="denied"))
    assert "stats" not in refused and "cookieprefs-banner" not in refused
    assert '<template data-cookieprefs-category="third_party"><iframe id="video"></iframe></template>' in refused
    granted = render("cookies_preferences=" + value(statistics="granted", first_party="denied", third_party="granted"))
    assert '<main><script id="stats"></script>' in granted and '<iframe id="video"></iframe>' in granted
    assert "<template" not in granted and "placeholder" not in granted


def test_consent_mode_default_then_update(client):
    page = html(client, "cookies_preferences=" + value(statistics="granted", first_party="denied", third_party="denied"))
    script = re.search(r"<script>(window\.dataLayer.*?)</script>", page).group(1)
    default = script.index("gtag('consent','default',")
    update = script.index("gtag('consent','update',")
    assert default < update
    assert '"wait_for_update":500' in script[default:update]
    assert '"analytics_storage":"denied"' in script[default:update]
    assert '"security_storage":"granted"' in script[default:update]
    assert '"analytics_storage":"granted"' in script[update:]
    # Before any other script of the page's <head>.
    assert page.index("gtag('consent','default'") < page.index("<script", page.index("</script>"))


# ------------------------------------------------------------- enforcement


def set_cookies(response):
    return {m.key: m for m in response.cookies.values()}


def test_enforcement_off_by_default(client):
    response = client.get("/sets-cookies/")
    assert "_pk_id.1.abc" in set_cookies(response)


def test_enforcement_drops_what_the_choice_does_not_allow(client, settings):
    settings.COOKIEPREFS_ENFORCE = True
    response = client.get("/sets-cookies/")
    names = set(set_cookies(response))
    assert "_pk_id.1.abc" not in names  # statistics, not granted
    assert {"sessionid", "theme", "_pk_ses.1.abc"} <= names  # necessary, undeclared (allow), a deletion
    assert "cookie" in {v.strip().lower() for v in response["Vary"].split(",")}
    granted = "cookies_preferences=" + value(statistics="granted", first_party="denied", third_party="denied")
    assert "_pk_id.1.abc" in set_cookies(client.get("/sets-cookies/", HTTP_COOKIE=granted))
    settings.COOKIEPREFS = {**PORTAL, "revision": 3, "undeclared": "block"}
    assert "theme" not in set_cookies(client.get("/sets-cookies/"))


def test_a_withdrawal_clears_the_refused_categories_cookies(client, settings):
    settings.COOKIEPREFS_ENFORCE = True
    granted = value(statistics="granted", first_party="denied", third_party="denied")
    header = f"sessionid=s; _pk_id.1.abc=x; _pk_ses.1.abc=1; cookies_preferences={granted}"
    response = client.post("/cookies/save/", {"choice": "reject_all", "source": "preferences_page"}, HTTP_COOKIE=header)
    assert response.headers["Set-Cookie"].startswith("cookies_preferences=")
    deletions = [m.OutputString() for m in response.cookies.values()]
    policy = conf.get_policy()
    new = policy.evaluate(response.headers["Set-Cookie"].split(";")[0].split("=", 1)[1], today=DAY)
    assert deletions == new.cookies_to_clear(header)
    assert {d.split("=", 1)[0] for d in deletions} == {"_pk_id.1.abc", "_pk_ses.1.abc"}
    assert all("Max-Age=0" in d for d in deletions)
    # Django's WSGI handler sends each as its own Set-Cookie (Morsel.output), byte for byte.
    sent = [c.output(header="").strip() for c in response.cookies.values()]
    assert sent == deletions


# ------------------------------------------------------------- system checks


def ids(**kwargs):
    return {m.id for m in run_checks(include_deployment_checks=False) if m.id.startswith("cookieprefs.")}


def test_checks_are_quiet_on_a_good_setup(settings):
    settings.COOKIEPREFS = {**PORTAL, "cookie": {"secure": True}}
    assert ids() == set()


def test_check_request_context_processor(settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "OPTIONS": {"context_processors": [
        "cookieprefs.django.context_processors.cookie_preferences"]}}]
    assert ids() == {"cookieprefs.W001"}


def test_check_cookie_preferences_context_processor(settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "OPTIONS": {"context_processors": [
        "django.template.context_processors.request"]}}]
    assert ids() == {"cookieprefs.W002"}


def test_check_middleware_missing_and_order(settings):
    settings.MIDDLEWARE = ["django.middleware.csrf.CsrfViewMiddleware"]
    assert ids() == {"cookieprefs.E001"}
    settings.MIDDLEWARE = ["cookieprefs.django.middleware.CookiePreferencesMiddleware",
                           "django.middleware.cache.UpdateCacheMiddleware",
                           "django.middleware.cache.FetchFromCacheMiddleware"]
    assert ids() == {"cookieprefs.E002"}
    settings.MIDDLEWARE = ["django.middleware.cache.UpdateCacheMiddleware",
                           "django.middleware.cache.FetchFromCacheMiddleware",
                           "cookieprefs.django.middleware.CookiePreferencesMiddleware"]
    assert ids() == {"cookieprefs.W003"}


def test_check_secure_cookie_on_plain_http_debug(settings):
    settings.DEBUG = True
    messages = [m for m in run_checks() if m.id == "cookieprefs.W004"]
    assert messages and "secure" in messages[0].hint
    settings.COOKIEPREFS = {**PORTAL, "cookie": {"secure": False}}
    assert "cookieprefs.W004" not in ids()


def test_check_consent_cookie_declared(settings):
    settings.COOKIEPREFS = {**PORTAL, "cookies": [c for c in PORTAL["cookies"] if c["name"] != "cookies_preferences"]}
    assert ids() == {"cookieprefs.W005"}


def test_check_enforcement_blocking_djangos_own_cookies(settings):
    settings.COOKIEPREFS_ENFORCE = True
    settings.COOKIEPREFS = {**PORTAL, "undeclared": "block",
                            "cookies": [c for c in PORTAL["cookies"] if c["name"] != "csrftoken"]}
    assert ids() == {"cookieprefs.E004"}


def test_check_a_broken_policy(settings):
    settings.COOKIEPREFS = {"revision": 99999}
    assert ids() == {"cookieprefs.E003"}


@pytest.mark.parametrize("gpc", [False, True])
@pytest.mark.parametrize("cookie", ["", "cookies_preferences=" + value(statistics="granted"),
                                    "cookies_preferences=" + value(statistics="denied", first_party="denied",
                                                                   third_party="granted")])
def test_the_cached_renderings_key_is_the_questions_signature(rf, cookie, gpc):
    from cookieprefs.django import choices
    from cookieprefs.django.preferences import evaluate_request

    request = rf.get("/", HTTP_COOKIE=cookie, **({"HTTP_SEC_GPC": "1"} if gpc else {}))
    prefs = evaluate_request(request)
    assert choices.signature(prefs) == prefs.question("fr").signature


def test_cached_banners_keep_each_requests_token_return_url_and_language(client, settings):
    assert not settings.DEBUG  # the cached path
    first = html(client, None, "/?a=1")
    second = html(client, None, "/?b=<2>")
    assert 'name="next" value="/?a=1"' in first and 'name="next" value="/?b=%3C2%3E"' in second
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    assert token.search(first).group(1) != token.search(second).group(1)  # Django masks each anew
    assert "cookieprefs-csrf-stand-in" not in first + second
    settings.LANGUAGE_CODE = "en"
    assert "Your cookie choices" in html(client)
    settings.LANGUAGE_CODE = "fr"
    assert "Vos choix en matière de cookies" in html(client)


def test_a_page_that_never_reads_the_choice_does_not_vary_on_it(client):
    response = client.get("/links-only/")
    assert b'href="/cookies/preferences/"' in response.content
    assert "Vary" not in response or "cookie" not in response["Vary"].lower()
