"""The opt-in migration of cookieprefs.django.importing, end to end through
Django's test client: an old tool's cookie in, our cookie set, the old one
deleted, the banner not shown when every offered category was answered."""

from __future__ import annotations

import datetime

import pytest

import cookieprefs
from cookieprefs.django import conf

DAY = datetime.date(2026, 11, 24)

POLICY = {
    "revision": 3,
    "import": {
        "systems": {
            "onetrust": {"domain": ".example.org"},
            "tarteaucitron": {},
            "vanilla-cookieconsent": {"cookie": "cookies_preferences"},
        }
    },
}
MIDDLEWARE = [
    "django.middleware.csrf.CsrfViewMiddleware",
    "cookieprefs.django.middleware.CookiePreferencesMiddleware",
]
ONETRUST = (
    "OptanonAlertBoxClosed=2026-11-20T09:15:00.000Z; OptanonConsent=isGpcEnabled=0&interactionCount=1"
    "&consentId=67e55044-10b1-426f-9247-bb680e5fe0c8&groups=C0001%3A1%2CC0002%3A1%2CC0003%3A0%2CC0004%3A0"
)

pytestmark = pytest.mark.urls("tests.django_import_support")


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(conf, "today", lambda: DAY)


@pytest.fixture
def importing_site(settings):
    settings.MIDDLEWARE = MIDDLEWARE
    settings.COOKIEPREFS = POLICY
    settings.COOKIEPREFS_IMPORT = True


def get(client, cookie):
    response = client.get("/state/", HTTP_COOKIE=cookie)
    assert response.status_code == 200
    return response


def our_value(response):
    header = response.headers.get("Set-Cookie", "")
    assert header.startswith("cookies_preferences="), header
    return cookieprefs.decode(header.split(";")[0].split("=", 1)[1])


@pytest.mark.usefixtures("importing_site")
def test_onetrust_is_imported_old_cookies_deleted_no_banner(client):
    response = get(client, "sessionid=x; " + ONETRUST)
    assert response.json() == {
        "needs_banner": False,
        "states": {"necessary": "granted", "statistics": "granted", "first_party": "denied", "third_party": "denied"},
    }
    prefs = our_value(response)
    assert prefs.method == cookieprefs.Method.IMPORTED
    assert prefs.revision == 3
    assert prefs.created == datetime.date(2026, 11, 20)
    assert str(prefs.consent_id) == "67e55044-10b1-426f-9247-bb680e5fe0c8"
    for name in ("OptanonConsent", "OptanonAlertBoxClosed"):
        deleted = response.cookies[name]
        assert deleted.value == ""
        assert deleted["max-age"] == 0
        assert deleted["domain"] == ".example.org"
        assert deleted["path"] == "/"
    assert "private" in response.headers["Cache-Control"]
    # The next request carries our cookie (and no longer the old ones): no banner, nothing written.
    again = get(client, f"sessionid=x; cookies_preferences={prefs.encode()}")
    assert again.json()["needs_banner"] is False
    assert "Set-Cookie" not in again.headers
    assert not again.cookies


@pytest.mark.usefixtures("importing_site")
def test_a_partial_answer_is_imported_and_the_banner_asks_the_rest(client):
    response = get(client, "tarteaucitron=!gtag=true!facebook=wait")
    assert response.json()["needs_banner"] is True
    assert response.json()["states"]["statistics"] == "granted"
    assert response.json()["states"]["third_party"] == "not_asked"
    assert our_value(response).state("statistics") == cookieprefs.State.GRANTED
    assert response.cookies["tarteaucitron"]["max-age"] == 0


@pytest.mark.usefixtures("importing_site")
def test_a_valid_value_is_never_imported_over(client):
    mine = cookieprefs.Preferences(categories={"statistics": "denied"}, revision=3, updated=DAY).encode()
    response = get(client, f"cookies_preferences={mine}; " + ONETRUST)
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert response.json()["states"]["statistics"] == "denied"


@pytest.mark.usefixtures("importing_site")
def test_an_old_cookie_of_our_own_name_is_replaced_not_deleted(client):
    old = '{"level":["necessary","analytics"],"revision":0,"data":null}'
    response = get(client, f"cookies_preferences={old}")
    assert our_value(response).state("statistics") == cookieprefs.State.GRANTED
    assert "cookies_preferences" not in response.cookies  # no deletion of the cookie just written


@pytest.mark.usefixtures("importing_site")
def test_nothing_to_import_writes_nothing(client):
    for cookie in ["sessionid=x", "tarteaucitron=!gtag=wait", "CookieConsent=-1", ""]:
        response = get(client, cookie)
        assert response.json()["needs_banner"] is True
        assert "Set-Cookie" not in response.headers
        assert not response.cookies


def test_off_by_default(client, settings):
    settings.MIDDLEWARE = MIDDLEWARE
    settings.COOKIEPREFS = POLICY
    response = get(client, ONETRUST)
    assert response.json()["needs_banner"] is True
    assert "Set-Cookie" not in response.headers


def test_drop_id_option(client, settings):
    settings.MIDDLEWARE = MIDDLEWARE
    settings.COOKIEPREFS = POLICY
    settings.COOKIEPREFS_IMPORT = {"drop_id": True}
    assert our_value(get(client, ONETRUST)).consent_id is None
