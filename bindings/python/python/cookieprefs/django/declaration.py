"""The site's cookie declaration, as the Django app reads it: every answer
comes from the core (``Policy.label``, ``Policy.cookies``, ``Policy.page``,
``Evaluation.set_cookie_allowed``, ``Evaluation.cookies_to_clear`` …).

TEMPORARY: until the core's declaration API (issue 11) is in the native
module, the functions below fall back to ``_pending``, a stand-in that reads
the declaration keys of ``COOKIEPREFS`` itself. Once ``Policy.page`` exists
the stand-in is never used, and it is deleted with this note."""

from __future__ import annotations

from typing import Any

from .. import Evaluation, Policy

NATIVE = hasattr(Policy, "page")

if not NATIVE:
    from . import _pending


def load(config: dict[str, Any]) -> Policy:
    """The Policy of a policy JSON object (declaration keys included)."""
    if NATIVE:
        return Policy.from_dict(config)
    return _pending.load(config)


def languages(policy: Policy) -> list[str]:
    return policy.languages if NATIVE else _pending.languages(policy)  # type: ignore[attr-defined]


def language_for(policy: Policy, requested: str | None) -> str:
    if NATIVE:
        return policy.language_for(requested or "")  # type: ignore[attr-defined,no-any-return]
    return _pending.language_for(policy, requested or "")


def label(policy: Policy, category: str | int, lang: str) -> str:
    if NATIVE:
        return policy.label(category, lang)  # type: ignore[attr-defined,no-any-return]
    return _pending.label(policy, category, lang)


def description(policy: Policy, category: str | int, lang: str) -> str:
    if NATIVE:
        return policy.description(category, lang)  # type: ignore[attr-defined,no-any-return]
    return _pending.description(policy, category, lang)


def cookies(policy: Policy, lang: str) -> list[Any]:
    """The declared cookies (``DeclaredCookie``: name, is_pattern, category,
    provider, service, purpose, retention, domain, path), texts in ``lang``."""
    if NATIVE:
        return policy.cookies(lang)  # type: ignore[attr-defined,no-any-return]
    return _pending.cookies(policy, lang)


def page(policy: Policy, lang: str) -> str:
    """The cookie policy page (HTML fragment) rendered by the core."""
    if NATIVE:
        return policy.page(lang, format="html")  # type: ignore[attr-defined,no-any-return]
    return _pending.page(policy, lang)


def undeclared(policy: Policy) -> str:
    return policy.undeclared if NATIVE else _pending.undeclared(policy)  # type: ignore[attr-defined]


def classify(policy: Policy, name: str) -> str | None:
    return policy.classify(name) if NATIVE else _pending.classify(policy, name)  # type: ignore[attr-defined]


def set_cookie_allowed(evaluation: Evaluation, set_cookie: str) -> bool:
    """May this ``Set-Cookie`` header value go out under this evaluation?"""
    if NATIVE:
        return evaluation.set_cookie_allowed(set_cookie)  # type: ignore[attr-defined,no-any-return]
    return _pending.set_cookie_allowed(evaluation, set_cookie)


def cookies_to_clear(evaluation: Evaluation, cookie_header: str | None) -> list[str]:
    """The deletion ``Set-Cookie`` values for the request's cookies that this
    evaluation does not allow."""
    if not cookie_header:
        return []
    if NATIVE:
        return evaluation.cookies_to_clear(cookie_header)  # type: ignore[attr-defined,no-any-return]
    return _pending.cookies_to_clear(evaluation, cookie_header)
