"""The records' settings: ``COOKIEPREFS_RECORDS``, a dict read once and
checked when Django starts (an unknown key or a bad value raises
``ImproperlyConfigured`` naming it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed

#: Six years: the longest a choice can be applied (395 days, the format's
#: ceiling on max age), plus five years in which that processing can be
#: questioned (the limitation period of French civil law, Code civil art.
#: 2224), rounded up to whole years. docs/PYTHON.md, "Retention".
DEFAULT_RETENTION_DAYS = 6 * 365 + 2

#: How a record keeps the visitor's IP address: not at all (the default),
#: ``"truncated"`` (IPv4 to its /24, IPv6 to its /48), or ``"keyed_hash"``
#: (an HMAC-SHA256 under a key of the site's; still personal data).
IP_MODES = (None, "truncated", "keyed_hash")


@dataclass(frozen=True)
class RecordsSettings:
    retention_days: int = DEFAULT_RETENTION_DAYS
    ip_address: str | None = None
    user_agent_family: bool = False
    ip_hash_key: str | None = None  # None: derived from SECRET_KEY


_KEYS = ("retention_days", "ip_address", "user_agent_family", "ip_hash_key")
_settings: RecordsSettings | None = None


def get_settings() -> RecordsSettings:
    """The checked ``COOKIEPREFS_RECORDS`` (absent: every default)."""
    global _settings
    if _settings is None:
        _settings = _read(getattr(settings, "COOKIEPREFS_RECORDS", None))
    return _settings


def _read(config: Any) -> RecordsSettings:
    if config is None:
        return RecordsSettings()
    if not isinstance(config, dict):
        raise ImproperlyConfigured("COOKIEPREFS_RECORDS must be a dict")
    unknown = sorted(set(config) - set(_KEYS), key=str)
    if unknown:
        raise ImproperlyConfigured(
            f"COOKIEPREFS_RECORDS: unknown key {unknown[0]!r} (known: {', '.join(_KEYS)})"
        )
    days = config.get("retention_days", DEFAULT_RETENTION_DAYS)
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ImproperlyConfigured(f"COOKIEPREFS_RECORDS: retention_days must be a whole number of days >= 1, not {days!r}")
    ip = config.get("ip_address")
    if ip not in IP_MODES:
        raise ImproperlyConfigured(
            f"COOKIEPREFS_RECORDS: ip_address must be None, 'truncated' or 'keyed_hash', not {ip!r}"
        )
    family = config.get("user_agent_family", False)
    if not isinstance(family, bool):
        raise ImproperlyConfigured(f"COOKIEPREFS_RECORDS: user_agent_family must be True or False, not {family!r}")
    key = config.get("ip_hash_key")
    if key is not None and (not isinstance(key, str) or len(key) < 32):
        raise ImproperlyConfigured("COOKIEPREFS_RECORDS: ip_hash_key must be a string of at least 32 characters")
    return RecordsSettings(retention_days=days, ip_address=ip, user_agent_family=family, ip_hash_key=key)


def _reset(setting: str, **kwargs: Any) -> None:
    global _settings
    if setting in ("COOKIEPREFS_RECORDS", "SECRET_KEY"):
        _settings = None


setting_changed.connect(_reset)
