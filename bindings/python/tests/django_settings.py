"""A real Django settings module for the test suite."""

SECRET_KEY = "cookieprefs-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "example.org"]
USE_TZ = True
ROOT_URLCONF = "tests.django_urls"
INSTALLED_APPS = ["cookieprefs.django"]
MIDDLEWARE = [
    "django.middleware.csrf.CsrfViewMiddleware",
    "cookieprefs.django.middleware.CookiePreferencesMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": ["tests/templates"],
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
COOKIEPREFS = {
    "revision": 3,
    "categories": [
        {"id": 1, "name": "statistics"},
        {"id": 2, "name": "first_party"},
        {"id": 3, "name": "third_party"},
    ],
}
