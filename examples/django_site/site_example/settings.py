"""Settings of the example site: a French open-data portal modelled on the
seeds' "Charte cookies" (French by default, English on request), with
cookieprefs' banner, preferences and policy pages, enforcement and Consent
Mode."""

import json
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
REPO = BASE_DIR.parents[2]
SECRET_KEY = "example-only-not-secret"
# DJANGO_DEBUG=0 runs it as in production (scripts/load-django.sh does).
DEBUG = os.environ.get("DJANGO_DEBUG", "1") != "0"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
USE_TZ = True
USE_I18N = True
ROOT_URLCONF = "site_example.urls"
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "cookieprefs.django",
    # Proof of consent: a record of every saved choice (docs/PYTHON.md,
    # "Consent records"), read-only in the admin at /admin/.
    "cookieprefs.django.records",
    "site_example",
]
# SQLite beside the example (`manage.py migrate` creates it);
# EXAMPLE_DATABASE names another file (the tests use a temporary one), or
# `postgresql` for the server libpq's PGHOST, PGPORT and PGUSER name
# (database EXAMPLE_PG_DATABASE, default `cookieprefs`; needs psycopg:
# scripts/load-records.sh runs the example so).
if os.environ.get("EXAMPLE_DATABASE") == "postgresql":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ.get("EXAMPLE_PG_DATABASE", "cookieprefs"),
            "HOST": os.environ.get("PGHOST", ""),
            "PORT": os.environ.get("PGPORT", ""),
            "USER": os.environ.get("PGUSER", ""),
            "CONN_MAX_AGE": 600,
        }
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("EXAMPLE_DATABASE") or BASE_DIR.parent / "db.sqlite3",
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above every middleware that sets cookies, so that it filters theirs.
    "cookieprefs.django.middleware.CookiePreferencesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csrf",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cookieprefs.django.context_processors.cookie_preferences",
            ]
        },
    }
]
STATIC_URL = "static/"
WSGI_APPLICATION = "site_example.wsgi.application"
# Sessions without a database (the seeds' `sessionid`).
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"

# French first, as the portals; `django_language` remembers a switch.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]

# The third-party video of the home page is served from another origin.
EMBED_ORIGIN = os.environ.get("EXAMPLE_EMBED_ORIGIN", "http://localhost:8000")

# The site's cookie declaration and consent policy (docs/FORMAT.md §7), from
# its file. EXAMPLE_POLICY_FILE names another (the browser tests use one
# with a later revision). The development server runs over plain HTTP, where
# browsers drop Secure cookies: turn Secure off there only.
_policy_file = os.environ.get("EXAMPLE_POLICY_FILE") or REPO / "examples" / "policies" / "opendatasoft-portal.json"
COOKIEPREFS = json.loads(Path(_policy_file).read_text(encoding="utf-8"))
COOKIEPREFS["cookie"] = {**COOKIEPREFS.get("cookie", {}), "secure": DEBUG is False}
# Drop the Set-Cookie headers the visitor's choice does not allow, and clear
# refused cookies when the choice changes.
COOKIEPREFS_ENFORCE = True
COOKIEPREFS_BASE_TEMPLATE = "base.html"
