"""Settings of the example site. Only what cookieprefs needs, plus Django's basics."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = "example-only-not-secret"
# DJANGO_DEBUG=0 runs it as in production (scripts/load-django.sh does).
DEBUG = os.environ.get("DJANGO_DEBUG", "1") != "0"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
USE_TZ = True
ROOT_URLCONF = "site_example.urls"
INSTALLED_APPS = [
    "django.contrib.staticfiles",
    "cookieprefs.django",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "cookieprefs.django.middleware.CookiePreferencesMiddleware",
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
                "cookieprefs.django.context_processors.cookie_preferences",
            ]
        },
    }
]
STATIC_URL = "static/"
WSGI_APPLICATION = "site_example.wsgi.application"

# The site's consent policy (docs/FORMAT.md §7). The development server runs
# over plain HTTP, where browsers drop Secure cookies: turn Secure off here only.
COOKIEPREFS = {
    "revision": 1,
    "categories": [
        {"id": 1, "name": "statistics"},
        {"id": 2, "name": "first_party"},
        {"id": 3, "name": "third_party"},
    ],
    "cookie": {"secure": DEBUG is False},
}
