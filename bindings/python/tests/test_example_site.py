"""The example site under examples/django_site works as docs/PYTHON.md says:
banner first, then the choice, then the statistics script only with consent."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

SITE = pathlib.Path(__file__).resolve().parents[3] / "examples" / "django_site"

SCRIPT = r"""
import django, os, re
os.environ["DJANGO_SETTINGS_MODULE"] = "site_example.settings"
django.setup()
from django.core.management import call_command
from django.test import Client
import cookieprefs
from cookieprefs.django.records.models import ConsentRecord
call_command("check")
call_command("migrate", verbosity=0)
c = Client()
r = c.get("/")
html = r.content.decode()
assert 'class="cookieprefs cookieprefs-banner"' in html and '<html lang="fr">' in html, html
assert "Tout refuser" in html and r.wsgi_request.cookie_preferences.banner_reason == "no_choice"
# The statistics script is inert (a <template>) until consent; the view's own
# statistics cookie was dropped by the enforcement.
assert '<template data-cookieprefs-category="statistics"><script' in html
r = c.get("/datasets/")
assert not any(k.startswith("_pk_") for k in r.cookies), r.cookies
r = c.post("/cookies/save/", {"choice": "custom", "category": ["statistics"], "next": "/"})
assert r.status_code == 302, r.status_code
header = r.headers["Set-Cookie"]
assert re.fullmatch(r"cookies_preferences=[A-Za-z0-9_-]{12,64}; Max-Age=15811200; Path=/; SameSite=Lax", header), header
# The proof of consent: a record in the site's database, linked by the
# consent id the cookie carries.
saved = cookieprefs.decode(header.split(";")[0].split("=", 1)[1])
record = ConsentRecord.objects.get()
assert saved.consent_id is not None and str(record.consent_id) == str(saved.consent_id), (record.consent_id, saved.consent_id)
r = c.get("/", HTTP_COOKIE=header.split(";")[0])
html = r.content.decode()
assert 'cookieprefs-banner' not in html and '<script src="/static/site_example/stats.js" id="statistics-script">' in html, html
assert 'data-cookieprefs-category="statistics"' not in html and 'data-cookieprefs-placeholder="third_party"' in html
assert "_pk_ses.1.portal" in c.get("/datasets/", HTTP_COOKIE=header.split(";")[0]).cookies
html = c.get("/cookies/preferences/", HTTP_COOKIE=header.split(";")[0]).content.decode()
assert 'value="statistics" id="cookieprefs-page-statistics" aria-describedby="cookieprefs-page-statistics-help" checked' in html
assert "cookieprefs-banner" not in html
print("example site ok")
"""


def test_example_site(tmp_path: pathlib.Path):
    env = {**os.environ, "EXAMPLE_DATABASE": str(tmp_path / "example.sqlite3")}
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=SITE, capture_output=True, text=True, check=False, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("example site ok"), out.stdout


# The example site behind Django's per-site cache (UpdateCacheMiddleware first,
# FetchFromCacheMiddleware last, LocMemCache): each visitor gets their own page.
CACHED_SCRIPT = r"""
import django, os, re
os.environ["DJANGO_SETTINGS_MODULE"] = "site_example.settings"
django.setup()
from django.conf import settings
from django.test import Client, override_settings
import cookieprefs
import cookieprefs.django.middleware as middleware

evaluations = []
real = middleware.evaluate_request
def counting(request):
    evaluations.append(request.path)
    return real(request)
middleware.evaluate_request = counting

from cookieprefs.django import conf
policy = conf.get_policy()
ev = policy.evaluate(None)
accept = "cookies_preferences=" + ev.accept_all().encode()
refuse = "cookies_preferences=" + ev.reject_all().encode()

def visit(**headers):
    r = Client().get("/", **headers)
    assert r.status_code == 200, r.status_code
    return r, r.content.decode()

def consent(html, storage):
    update = html.split("gtag('consent','update',", 1)[1]  # after the default command
    return re.search(r'"%s":"(granted|denied)"' % storage, update).group(1)

with override_settings(
    CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    CACHE_MIDDLEWARE_SECONDS=600,
    # Without the CSRF middleware: it refreshes the CSRF cookie on every page
    # with a form (the language switch), and Django's cache keeps no response
    # that sets a cookie.
    MIDDLEWARE=["django.middleware.cache.UpdateCacheMiddleware",
                *[m for m in settings.MIDDLEWARE if m != "django.middleware.csrf.CsrfViewMiddleware"],
                "django.middleware.cache.FetchFromCacheMiddleware"],
    COOKIEPREFS_CACHE_CONTROL_PRIVATE=os.environ.get("PRIVATE") == "1",
):
    # A accepts everything: no banner, the statistics script, analytics granted.
    r, a = visit(HTTP_COOKIE=accept)
    assert 'cookieprefs-banner' not in a and 'id="statistics-script"' in a and consent(a, "analytics_storage") == "granted", a
    if os.environ.get("PRIVATE") != "1":
        assert "max-age=600" in r["Cache-Control"], r.headers
    # B refused everything: no banner, no script, everything denied.
    r, b = visit(HTTP_COOKIE=refuse)
    assert 'cookieprefs-banner' not in b and "statistics-script" not in b, b
    assert consent(b, "analytics_storage") == "denied" and consent(b, "ad_storage") == "denied", b
    # D has no cookie and no GPC signal: the banner, nothing loaded.
    r, d = visit()
    assert 'cookieprefs-banner' in d and '<template data-cookieprefs-category="statistics">' in d, d
    assert "refusés par le signal GPC" not in d, d
    # C has no cookie but sends Sec-GPC: 1: the banner, nothing loaded, third_party refused by GPC.
    r, c = visit(HTTP_SEC_GPC="1")
    assert 'cookieprefs-banner' in c and '<template data-cookieprefs-category="statistics">' in c, c
    assert "refusés par le signal GPC" in c and consent(c, "ad_storage") == "denied", c
    # The cache is really in front: A's page again is served without evaluating
    # (unless the pages are private), and is still A's.
    before = len(evaluations)
    r, a2 = visit(HTTP_COOKIE=accept)
    assert "statistics-script" in a2
    assert len(evaluations) == before + (1 if os.environ.get("PRIVATE") == "1" else 0), evaluations
    r, b2 = visit(HTTP_COOKIE=refuse)
    assert "statistics-script" not in b2 and 'cookieprefs-banner' not in b2
print("cached example site ok")
"""


@pytest.mark.parametrize("private", ["0", "1"], ids=["vary", "vary-and-private"])
def test_example_site_behind_the_per_site_cache_serves_each_visitor_their_page(private):
    env = {**os.environ, "PRIVATE": private}
    out = subprocess.run([sys.executable, "-c", CACHED_SCRIPT], cwd=SITE, capture_output=True, text=True,
                         check=False, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("cached example site ok"), out.stdout
