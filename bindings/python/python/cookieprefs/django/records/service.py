"""What the save view calls, when :func:`enabled`: :func:`with_consent_id`
before it writes the cookie, :func:`record_choice` to write the record. The
models are imported only when a record is written, so this module can be
imported whether or not the records app is installed."""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import router, transaction
from django.http import HttpRequest
from django.utils import timezone

from ... import Policy, Preferences, __version__

if TYPE_CHECKING:
    from .models import ConsentRecord, PolicyVersion

logger = logging.getLogger("cookieprefs.records")

# (policy JSON, language shown) -> PolicyVersion primary key, filled only
# after the row is committed (a rolled-back row must not be reused). Cleared
# whenever writing a record fails.
_versions: dict[tuple[str, str], int] = {}
_MAX_CACHED = 64


def enabled() -> bool:
    """Whether the records app is installed: only then does a save view give
    the cookie a consent id (a unique identifier the site should not hand
    out without the record it links to) and record the choice."""
    return apps.is_installed("cookieprefs.django.records")


def with_consent_id(prefs: Preferences) -> Preferences:
    """``prefs`` with a consent id: the one it has (a visitor who changes
    their choice keeps the id their cookie carried, which
    ``Evaluation.choose`` keeps), else a new random UUID (version 4). Every
    other field is unchanged."""
    if prefs.consent_id is not None:
        return prefs
    return Preferences(
        categories=prefs.categories,
        revision=prefs.revision,
        created=prefs.created,
        updated=prefs.updated,
        method=prefs.method,
        consent_id=uuid.uuid4(),
    )


def record_choice(
    request: HttpRequest, preferences: Preferences, policy: Policy, *, language: str
) -> ConsentRecord | None:
    """Records the choice ``preferences`` (which must carry its consent id:
    see :func:`with_consent_id`) saved under ``policy``, whose texts the
    visitor was shown in ``language`` (any tag: the policy's answering
    language is stored).

    Never raises: when the record cannot be written (the database is down,
    a table is missing, ...) the failure is logged on the
    ``cookieprefs.records`` logger with the consent id, and None is
    returned; the visitor's choice is applied all the same. Inside a
    transaction (``ATOMIC_REQUESTS``) the record is written in a savepoint,
    so a failure leaves the request's transaction usable; outside one, in
    one transaction of its own."""
    try:
        return _record(request, preferences, policy, language)
    except Exception:
        _versions.clear()
        logger.exception(
            "consent record not written for consent id %s; the visitor's choice was applied without it",
            getattr(preferences, "consent_id", None),
        )
        return None


def _record(request: HttpRequest, preferences: Preferences, policy: Policy, language: str) -> ConsentRecord:
    from . import conf, privacy
    from .models import ConsentRecord

    consent_id = preferences.consent_id
    if consent_id is None:
        raise ValueError("the preferences carry no consent id: pass them through with_consent_id() first")
    config = conf.get_settings()
    shown = policy.language_for(language)
    states = {name: str(preferences.state(cid)) for cid, name, _since in policy.categories}
    fields = {
        "consent_id": consent_id,
        "created": timezone.now(),
        "revision": preferences.revision,
        "method": str(preferences.method),
        "states": states,
        "cookie_value": preferences.encode(),
        "client_ip": privacy.client_ip(request, config),
        "user_agent_family": privacy.user_agent_family(request, config),
    }
    alias = router.db_for_write(ConsentRecord)
    declaration = policy.to_json()
    version_id = _versions.get((declaration, shown))
    if version_id is not None and not transaction.get_connection(alias).in_atomic_block:
        # The usual case: one INSERT in autocommit mode, atomic by itself
        # (a transaction around it would cost two more round trips).
        return ConsentRecord.objects.using(alias).create(policy_version_id=version_id, **fields)
    with transaction.atomic(using=alias):
        if version_id is None:
            version_id = _version_id(policy, shown, alias, declaration)
        return ConsentRecord.objects.using(alias).create(policy_version_id=version_id, **fields)


def _version_id(policy: Policy, language: str, alias: str, declaration: str) -> int:
    key = (declaration, language)
    version = policy_version(policy, language, using=alias, declaration=declaration)

    def remember() -> None:
        if len(_versions) >= _MAX_CACHED:
            _versions.clear()
        _versions[key] = version.pk

    transaction.on_commit(remember, using=alias)
    return version.pk  # type: ignore[no-any-return]


def version_content(policy: Policy, language: str, declaration: str | None = None) -> dict[str, Any]:
    """What the visitor was shown under ``policy`` in ``language`` (a
    language of the policy): the declaration's JSON form, and the texts and
    policy page the library resolves from it (the library's own wording
    included, which the JSON form leaves out)."""
    texts = {
        "necessary": {"label": policy.label(0, language), "description": policy.description(0, language)},
        "categories": [
            {
                "id": cid,
                "name": name,
                "since_revision": since,
                "label": policy.label(cid, language),
                "description": policy.description(cid, language),
            }
            for cid, name, since in policy.categories
        ],
        "cookies": [
            {
                "name": c.name,
                "category": c.category,
                "provider": c.provider,
                "service": c.service,
                "purpose": c.purpose,
                "retention": c.retention_text,
                "domain": c.domain,
                "path": c.path,
            }
            for c in policy.cookies(language)
        ],
    }
    return {
        "revision": policy.revision,
        "language": language,
        "declaration": policy.to_json() if declaration is None else declaration,
        "texts": texts,
        "page": policy.page(language, "markdown"),
    }


def content_digest(content: dict[str, Any]) -> str:
    """SHA-256 of a version's content in one canonical JSON form."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def policy_version(
    policy: Policy, language: str, *, using: str | None = None, declaration: str | None = None
) -> PolicyVersion:
    """The PolicyVersion row of ``policy`` shown in ``language``, created
    when no identical version exists (safe under concurrent saves: the
    digest is unique and ``get_or_create`` retries the lookup)."""
    from .models import PolicyVersion

    language = policy.language_for(language)
    content = version_content(policy, language, declaration)
    version, _created = PolicyVersion.objects.using(using).get_or_create(
        digest=content_digest(content),
        defaults={**content, "library_version": __version__, "first_seen": timezone.now()},
    )
    return version
