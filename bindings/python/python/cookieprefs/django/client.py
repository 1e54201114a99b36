"""Client mode: the browser module (bindings/js, shipped as static files
under ``cookieprefs/client/``) decides the banner, the scripts and the
embeds, so every visitor gets the same HTML and pages can be cached.

Turn it on with ``COOKIEPREFS_CLIENT_MODE = True`` and use the tags of
``{% load cookieprefs_client %}`` instead of the per-visitor ones. Nothing
here reads the request's cookies or ``Sec-GPC``: what these helpers put in
a page is the same for every visitor of a language. See docs/JS.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language, gettext

from . import conf

#: What a page loads, under ``STATIC_URL``; built by scripts/build-js.sh.
STATIC_DIR = "cookieprefs/client"
#: page.js is the page build: the module's policy is the compact form the
#: server writes (docs/JS.md, "The page build").
STATIC_FILES = ("page.js", "cookieprefs_page_bg.wasm", "page.css")

#: How long (ms) Google's tag waits for the module's Consent Mode update.
WAIT_FOR_UPDATE_MS = 500


def enabled() -> bool:
    """Whether ``settings.COOKIEPREFS_CLIENT_MODE`` is on (default off)."""
    return bool(getattr(settings, "COOKIEPREFS_CLIENT_MODE", False))


def _url(name: str, setting: str) -> str | None:
    """The URL of a view of the app (``cookieprefs:<name>``) when the site
    routes it, else the setting, else None."""
    try:
        return reverse(f"cookieprefs:{name}")
    except NoReverseMatch:
        value = getattr(settings, setting, None)
        return str(value) if value else None


def preferences_url() -> str | None:
    """The server-side preferences page: where the manage link goes without
    JavaScript (``cookieprefs:preferences``, else
    ``settings.COOKIEPREFS_PREFERENCES_URL``)."""
    return _url("preferences", "COOKIEPREFS_PREFERENCES_URL")


def policy_url() -> str | None:
    """The cookie policy page (``cookieprefs:policy``, else
    ``settings.COOKIEPREFS_POLICY_URL``)."""
    return _url("policy", "COOKIEPREFS_POLICY_URL")


def consent_default() -> dict[str, Any]:
    """Google Consent Mode ``default``: the state of a visitor who has not
    chosen (the core's evaluation of no cookie, without GPC: everything
    denied but ``security_storage``), with ``wait_for_update``. The same for
    every visitor."""
    state: dict[str, Any] = conf.get_policy().evaluate(None, today=conf.today()).consent_mode()
    state["wait_for_update"] = WAIT_FOR_UPDATE_MS
    return state


def strings() -> dict[str, str]:
    """The dialog's texts in the active language (gettext; English when the
    site has no translation). The categories' labels and descriptions come
    from the policy, through the module."""
    return {
        "title": gettext("Cookies on this site"),
        "intro": gettext(
            "We use optional cookies only with your consent. Choose which ones you accept; "
            "you can change your choice at any time."
        ),
        "accept_all": gettext("Accept all"),
        "reject_all": gettext("Reject all"),
        "save": gettext("Save my choices"),
        "close": gettext("Close"),
        "categories": gettext("Categories of cookies"),
        "always_on": gettext("Always on"),
        "gpc": gettext("Your browser's Global Privacy Control signal has refused some categories for you."),
        "saved": gettext("Your choice about cookies is saved."),
        "policy": gettext("Cookie policy"),
    }


def texts() -> dict[str, Any]:
    """The categories' labels and descriptions in the policy language that
    best answers the active one (the policy's, else the library's):
    ``{"language", "categories": [{"id", "name", "label", "description"}]}``,
    ``necessary`` first, as the full module's ``Policy.texts`` gives them."""
    policy = conf.get_policy()
    language = policy.language_for(get_language() or "")
    categories = [(0, "necessary")] + [(c[0], c[1]) for c in policy.categories]
    return {
        "language": language,
        "categories": [
            {
                "id": cid,
                "name": name,
                "label": policy.label(cid, language),
                "description": policy.description(cid, language),
            }
            for cid, name in categories
        ],
    }


def config(wasm_url: str | None = None) -> dict[str, Any]:
    """The configuration page.js reads from ``#cookieprefs-client-config``:
    the policy's compact form (the policy the server checked; FORMAT.md
    §14), the language, the categories' texts, the dialog's texts and the
    policy page's URL."""
    return {
        "policy": conf.get_policy().to_compact(),
        "texts": texts(),
        "language": get_language() or "",
        "strings": strings(),
        "policy_url": policy_url(),
        "wasm": wasm_url,
    }


def static_root() -> Path:
    """Where the built module is in the installed package."""
    return Path(__file__).resolve().parent / "static" / STATIC_DIR


@checks.register()
def check_client_mode(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    """In client mode, the module must have been built into the package, and
    the consent cookie must be readable and writable by the page."""
    if not enabled():
        return []
    found: list[checks.CheckMessage] = []
    missing = [f for f in STATIC_FILES if not (static_root() / f).is_file()]
    if missing:
        found.append(
            checks.Error(
                f"COOKIEPREFS_CLIENT_MODE is on but the browser module is missing: {', '.join(missing)}",
                hint="build it with ./scripts/build-js.sh (it copies the module into cookieprefs/django/static/)",
                id="cookieprefs.E101",
            )
        )
    policy = json.loads(conf.get_policy().to_json())
    if policy["cookie"]["http_only"]:
        found.append(
            checks.Error(
                "COOKIEPREFS_CLIENT_MODE needs a cookie the page can write: the policy sets http_only",
                hint='set "cookie": {"http_only": false} (the default)',
                id="cookieprefs.E102",
            )
        )
    return found
