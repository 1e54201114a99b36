"""Settings of the records test project.

The database is chosen by ``COOKIEPREFS_TEST_DATABASE``: ``sqlite`` (the
default) or ``postgresql``, reached through the libpq variables that
scripts/test-records.sh and scripts/load-records.sh set for the server they
start (``PGHOST``: its socket directory, ``PGPORT``, ``PGUSER``)."""

import json
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]

SECRET_KEY = "cookieprefs-records-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
USE_TZ = True
TIME_ZONE = "UTC"
ROOT_URLCONF = "tests.records_site.urls"
WSGI_APPLICATION = "tests.records_site.wsgi.application"
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "cookieprefs.django",
    "cookieprefs.django.records",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cookieprefs.django.middleware.CookiePreferencesMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cookieprefs.django.context_processors.cookie_preferences",
            ]
        },
    }
]

_database = os.environ.get("COOKIEPREFS_TEST_DATABASE", "sqlite")
if _database == "postgresql":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ.get("COOKIEPREFS_PG_DATABASE", "cookieprefs"),
            "HOST": os.environ.get("PGHOST", ""),
            "PORT": os.environ.get("PGPORT", ""),
            "USER": os.environ.get("PGUSER", ""),
            "CONN_MAX_AGE": int(os.environ.get("COOKIEPREFS_CONN_MAX_AGE", "0")),
        }
    }
elif _database == "sqlite":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("COOKIEPREFS_SQLITE_PATH", ":memory:"),
        }
    }
else:
    raise RuntimeError(f"COOKIEPREFS_TEST_DATABASE must be sqlite or postgresql, not {_database!r}")

# The example portal's declaration (French first, English), the one the
# example site shows. The test server speaks plain HTTP: no Secure.
COOKIEPREFS = {
    **json.loads((REPO / "examples/policies/opendatasoft-portal.json").read_text(encoding="utf-8")),
    "cookie": {"secure": False},
}
COOKIEPREFS_RECORDS = {}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {"cookieprefs.records": {"handlers": ["stderr"], "level": "WARNING"}},
}
