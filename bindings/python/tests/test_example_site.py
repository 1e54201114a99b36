"""The example site under examples/django_site works as docs/PYTHON.md says:
banner first, then the choice, then the statistics script only with consent."""

from __future__ import annotations

import pathlib
import subprocess
import sys

SITE = pathlib.Path(__file__).resolve().parents[3] / "examples" / "django_site"

SCRIPT = r"""
import django, os, re
os.environ["DJANGO_SETTINGS_MODULE"] = "site_example.settings"
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("check")
c = Client()
html = c.get("/").content.decode()
assert 'class="cookieprefs-banner"' in html and "statistics-script" not in html, html
assert "Banner: shown (no_choice)" in html
r = c.post("/cookies/save/", {"choice": "custom", "category": ["statistics"], "next": "/"})
assert r.status_code == 302, r.status_code
header = r.headers["Set-Cookie"]
assert re.fullmatch(r"cookies_preferences=[A-Za-z0-9_-]{12}; Max-Age=15811200; Path=/; SameSite=Lax", header), header
html = c.get("/", HTTP_COOKIE=header.split(";")[0]).content.decode()
assert 'class="cookieprefs-banner"' not in html and "statistics-script" in html, html
assert "Statistics script: loaded" in html
html = c.get("/cookie-preferences/", HTTP_COOKIE=header.split(";")[0]).content.decode()
assert 'value="statistics" checked' in html
print("example site ok")
"""


def test_example_site():
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=SITE, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("example site ok"), out.stdout
