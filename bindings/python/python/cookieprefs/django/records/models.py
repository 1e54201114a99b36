"""A record per saved choice, and the declaration it was made under.

Both are written once and never changed: ``save()`` refuses an update, the
admin is read-only, and only ``manage.py cookieprefs_purge`` deletes
records (policy versions are kept: they hold no personal data and old
records may still point at them)."""

from __future__ import annotations

import json
from typing import Any

from django.db import models

from ... import MAX_ENCODED_LEN

METHODS = [
    ("banner", "banner"),
    ("preferences_page", "preferences page"),
    ("browser_signal", "browser signal"),
    ("imported", "imported"),
]


class _WriteOnce(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError(f"a {self._meta.verbose_name} is never changed once written")
        super().save(*args, **kwargs)


class PolicyVersion(_WriteOnce):
    """The declaration in force when a choice was saved, exactly, in the
    language the visitor was shown; identical versions share one row (by
    the SHA-256 of their content)."""

    digest = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 (hex) of revision, language, declaration, texts and page"
    )
    revision = models.PositiveIntegerField(help_text="The policy's revision")
    language = models.CharField(max_length=35, help_text="The policy language the visitor was shown")
    declaration = models.TextField(help_text="The policy's JSON form (Policy.to_json()), exactly as in force")
    texts = models.JSONField(
        help_text="The labels, descriptions and cookie inventory in that language, as the library resolved them"
    )
    page = models.TextField(help_text="The cookie policy page in that language (Markdown)")
    library_version = models.CharField(max_length=32, help_text="The cookieprefs version that first showed it")
    first_seen = models.DateTimeField(help_text="When a choice was first saved under it (server time)")

    class Meta:
        verbose_name = "policy version"
        ordering = ["-first_seen"]

    def __str__(self) -> str:
        return f"revision {self.revision} ({self.language}) {self.digest[:12]}"

    def declaration_dict(self) -> dict[str, Any]:
        return json.loads(self.declaration)  # type: ignore[no-any-return]


class ConsentRecord(_WriteOnce):
    """One saved choice. ``consent_id`` is the UUID the visitor's cookie
    carries: all the records of one visitor's browser share it, oldest
    first."""

    consent_id = models.UUIDField(help_text="The consent id written into the visitor's cookie")
    created = models.DateTimeField(db_index=True, help_text="When the server saved the choice")
    revision = models.PositiveIntegerField(help_text="The policy revision the choice was made under")
    method = models.CharField(max_length=20, choices=METHODS, help_text="How the choice was made")
    states = models.JSONField(help_text="The stored state of every offered category: granted, denied or not_asked")
    cookie_value = models.CharField(max_length=MAX_ENCODED_LEN, help_text="The cookie value the response set")
    policy_version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="records")
    client_ip = models.CharField(
        max_length=64, blank=True, default="",
        help_text="Empty unless COOKIEPREFS_RECORDS['ip_address'] asks for a truncated or keyed-hash form",
    )
    user_agent_family = models.CharField(
        max_length=16, blank=True, default="",
        help_text="Empty unless COOKIEPREFS_RECORDS['user_agent_family'] is True",
    )

    class Meta:
        verbose_name = "consent record"
        indexes = [models.Index(fields=["consent_id", "created"], name="cookieprefs_rec_id_created")]

    def __str__(self) -> str:
        return f"{self.consent_id} at {self.created:%Y-%m-%d %H:%M:%S}"

    def as_dict(self, *, with_policy: bool = False) -> dict[str, Any]:
        """The record as JSON-able data (the export's JSON Lines form)."""
        v = self.policy_version
        version: dict[str, Any] = {
            "digest": v.digest,
            "revision": v.revision,
            "language": v.language,
            "library_version": v.library_version,
        }
        if with_policy:
            version.update(declaration=v.declaration_dict(), texts=v.texts, page=v.page)
        return {
            "consent_id": str(self.consent_id),
            "created": self.created.isoformat(),
            "revision": self.revision,
            "method": self.method,
            "states": self.states,
            "cookie_value": self.cookie_value,
            "client_ip": self.client_ip,
            "user_agent_family": self.user_agent_family,
            "policy_version": version,
        }
