"""``manage.py check``: the set-up mistakes that make the banner, the
Consent Mode snippet or the saved choice vanish without an error."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core import checks

from . import conf

MIDDLEWARE = "cookieprefs.django.middleware.CookiePreferencesMiddleware"
CONTEXT_PROCESSOR = "cookieprefs.django.context_processors.cookie_preferences"
REQUEST_PROCESSOR = "django.template.context_processors.request"
UPDATE_CACHE = "django.middleware.cache.UpdateCacheMiddleware"
FETCH_CACHE = "django.middleware.cache.FetchFromCacheMiddleware"


def _django_templates() -> list[dict[str, Any]]:
    return [t for t in settings.TEMPLATES if t.get("BACKEND") == "django.template.backends.django.DjangoTemplates"]


@checks.register(checks.Tags.templates)
def check_context_processors(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    out: list[checks.CheckMessage] = []
    for i, template in enumerate(_django_templates()):
        processors = template.get("OPTIONS", {}).get("context_processors", [])
        if REQUEST_PROCESSOR not in processors:
            out.append(checks.Warning(
                f"TEMPLATES[{i}] has no '{REQUEST_PROCESSOR}' context processor: "
                "{% cookieprefs_banner %}, {% cookieprefs_consent_mode %} and {% cookieprefs_script %} render nothing",
                hint=f"Add '{REQUEST_PROCESSOR}' to TEMPLATES[{i}]['OPTIONS']['context_processors'].",
                id="cookieprefs.W001",
            ))
        if CONTEXT_PROCESSOR not in processors:
            out.append(checks.Warning(
                f"TEMPLATES[{i}] has no '{CONTEXT_PROCESSOR}' context processor: "
                "{{ cookie_preferences.allowed.statistics }} is empty, so every guarded script stays off",
                hint=f"Add '{CONTEXT_PROCESSOR}' to TEMPLATES[{i}]['OPTIONS']['context_processors'].",
                id="cookieprefs.W002",
            ))
    return out


@checks.register(checks.Tags.compatibility)
def check_middleware(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    middleware = list(getattr(settings, "MIDDLEWARE", None) or [])
    if MIDDLEWARE not in middleware:
        return [checks.Error(
            f"'{MIDDLEWARE}' is not in MIDDLEWARE: pages are not marked 'Vary: Cookie', so a cache can serve "
            "one visitor's choice to another, and no Set-Cookie is filtered",
            hint=f"Add '{MIDDLEWARE}' to MIDDLEWARE, after SessionMiddleware and CsrfViewMiddleware.",
            id="cookieprefs.E001",
        )]
    out: list[checks.CheckMessage] = []
    ours = middleware.index(MIDDLEWARE)
    if UPDATE_CACHE in middleware and middleware.index(UPDATE_CACHE) > ours:
        out.append(checks.Error(
            f"'{MIDDLEWARE}' is above '{UPDATE_CACHE}': the cache stores pages before they get 'Vary: Cookie', "
            "and serves one visitor's banner and scripts to every other",
            hint=f"Put '{UPDATE_CACHE}' first in MIDDLEWARE and '{MIDDLEWARE}' below it.",
            id="cookieprefs.E002",
        ))
    if FETCH_CACHE in middleware and middleware.index(FETCH_CACHE) < ours:
        out.append(checks.Warning(
            f"'{MIDDLEWARE}' is below '{FETCH_CACHE}': cached pages are served without it",
            hint=f"Keep '{FETCH_CACHE}' last in MIDDLEWARE.",
            id="cookieprefs.W003",
        ))
    return out


@checks.register(checks.Tags.security)
def check_policy(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    try:
        policy = conf.get_policy()
    except Exception as e:  # noqa: BLE001 (ImproperlyConfigured with the core's message)
        return [checks.Error(str(e), hint="Fix the COOKIEPREFS setting (docs/FORMAT.md §7).", id="cookieprefs.E003")]
    out: list[checks.CheckMessage] = []
    secure = json.loads(policy.to_json())["cookie"]["secure"]  # the normalised form spells it out
    if settings.DEBUG and secure and not getattr(settings, "SECURE_SSL_REDIRECT", False):
        out.append(checks.Warning(
            "the consent cookie is Secure while DEBUG is on: over plain HTTP (runserver) browsers drop it, "
            "so every choice vanishes and the banner comes back on every page",
            hint='On a plain-HTTP development server set COOKIEPREFS["cookie"]["secure"] = False '
                 "(e.g. False if DEBUG else True); keep it True in production.",
            id="cookieprefs.W004",
        ))
    config = getattr(settings, "COOKIEPREFS", None) or {}
    declared = config.get("cookies") or []
    if declared and policy.cookie_name not in {c.get("name") for c in declared if isinstance(c, dict)}:
        out.append(checks.Warning(
            f"COOKIEPREFS declares the site's cookies but not the consent cookie '{policy.cookie_name}': "
            "the cookie policy page describes it in the library's generic words, not the site's",
            hint=f'Add {{"name": "{policy.cookie_name}", "category": "necessary", ...}} to COOKIEPREFS["cookies"].',
            id="cookieprefs.W005",
        ))
    if conf.enforce() and policy.undeclared == "block":
        for setting in ("SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME", "LANGUAGE_COOKIE_NAME"):
            name = getattr(settings, setting, None)
            if name and policy.classify(name) is None:
                out.append(checks.Error(
                    f"COOKIEPREFS_ENFORCE is on with undeclared: block, and Django's {setting} '{name}' is not "
                    "declared: it would never be set",
                    hint=f'Declare "{name}" in COOKIEPREFS["cookies"] with category "necessary".',
                    id="cookieprefs.E004",
                ))
    return out
