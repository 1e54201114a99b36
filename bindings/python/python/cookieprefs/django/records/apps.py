"""The records app: checks its settings when Django starts."""

from __future__ import annotations

from django.apps import AppConfig, apps
from django.core.exceptions import ImproperlyConfigured


class RecordsConfig(AppConfig):
    name = "cookieprefs.django.records"
    label = "cookieprefs_records"
    verbose_name = "Consent records"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        if not apps.is_installed("cookieprefs.django"):
            raise ImproperlyConfigured(
                "cookieprefs.django.records needs 'cookieprefs.django' in INSTALLED_APPS (the site's policy)"
            )
        from . import conf

        conf.get_settings()  # raises ImproperlyConfigured on a bad COOKIEPREFS_RECORDS
