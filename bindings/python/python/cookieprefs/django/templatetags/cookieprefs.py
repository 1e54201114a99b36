"""``{% load cookieprefs %}``: the banner and the Google Consent Mode update."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString

from ..preferences import for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def cookieprefs_consent_mode(context: Any, nonce: str | None = None) -> SafeString:
    """A ``<script>`` that sends the visitor's Consent Mode state to Google's
    tag: ``gtag('consent', 'update', {...})``. The CSP nonce is the argument,
    or ``request.csp_nonce`` when set (django-csp)."""
    request = context.get("request")
    if request is None:
        return SafeString("")
    if nonce is None:
        nonce = getattr(request, "csp_nonce", None)
    # The core writes the JSON; keys and values come from a fixed vocabulary
    # ("ad_storage", "granted", ...).
    state = for_request(request).evaluation.consent_mode_json()
    script = (
        "window.dataLayer=window.dataLayer||[];"
        "function gtag(){dataLayer.push(arguments);}"
        f"gtag('consent','update',{state});"
    )
    if nonce:
        # escape() even if the nonce is "safe": template string literals are.
        return format_html('<script nonce="{}">{}</script>', escape(str(nonce)), SafeString(script))
    return format_html("<script>{}</script>", SafeString(script))


@register.inclusion_tag("cookieprefs/banner.html", takes_context=True)
def cookieprefs_banner(context: Any, force: bool = False) -> dict[str, Any]:
    """The consent banner, when the visitor must be asked (or always, with
    ``force=True``, e.g. on the cookie preferences page)."""
    request = context.get("request")
    prefs = for_request(request) if request is not None else None
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "cookie_preferences": prefs,
        "show": prefs is not None and (force or prefs.needs_banner),
        "categories": prefs.offered if prefs else [],
        "next": request.get_full_path() if request is not None else "/",
    }
