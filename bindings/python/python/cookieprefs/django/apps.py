"""The Django app: validates the COOKIEPREFS setting at start-up."""

from __future__ import annotations

from django.apps import AppConfig


class CookiePrefsConfig(AppConfig):
    name = "cookieprefs.django"
    label = "cookieprefs"
    verbose_name = "Cookie preferences"

    def ready(self) -> None:
        from . import checks, client, conf  # noqa: F401 (registers the system checks)

        conf.get_policy()  # raises ImproperlyConfigured with the core's message
