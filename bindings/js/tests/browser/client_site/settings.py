"""Settings of the client-mode test site: Django's per-site cache around the
cookieprefs middleware, and COOKIEPREFS_CLIENT_MODE on."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
SECRET_KEY = "cookieprefs-client-mode-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
USE_TZ = True
ROOT_URLCONF = "client_site.urls"
INSTALLED_APPS = ["django.contrib.staticfiles", "cookieprefs.django"]
MIDDLEWARE = [
    "django.middleware.cache.UpdateCacheMiddleware",
    "cookieprefs.django.middleware.CookiePreferencesMiddleware",
    "django.middleware.cache.FetchFromCacheMiddleware",
]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHE_MIDDLEWARE_SECONDS = 600
CACHE_MIDDLEWARE_KEY_PREFIX = "client"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "cookieprefs.django.context_processors.cookie_preferences",
            ]
        },
    }
]
STATIC_URL = "/static/"
LANGUAGE_CODE = "en"
COOKIEPREFS_CLIENT_MODE = True
COOKIEPREFS_PREFERENCES_URL = "/preferences/"
COOKIEPREFS = {
    "revision": 2,
    "categories": [
        {"id": 1, "name": "statistics"},
        {"id": 2, "name": "first_party"},
        {"id": 3, "name": "third_party"},
    ],
    # Plain http on 127.0.0.1: the page writes the cookie without Secure.
    "cookie": {"secure": False},
    "cookies": [
        {"name": "_pk_id.*", "category": "statistics", "provider": "Matomo", "retention": 393},
        {"name": "embed_visitor", "category": "third_party", "provider": "Video player"},
    ],
}
