"""``{% load cookieprefs_client %}``: client mode (``COOKIEPREFS_CLIENT_MODE``).

Every tag renders the same HTML for every visitor (of a language): the
browser module reads the cookie and the GPC signal, shows the banner,
activates ``<script type="text/plain" data-cookieprefs-category="…">`` and
embeds, and sends Google Consent Mode ``update``. No tag here touches
``request.cookie_preferences``, so the middleware adds no ``Vary: Cookie``.
See docs/JS.md."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.templatetags.static import static
from django.utils.html import escape, format_html, json_script
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .. import client

register = template.Library()


@register.simple_tag
def cookieprefs_client_head(nonce: str | None = None) -> SafeString:
    """For ``<head>``, before any Google tag: Consent Mode ``default``
    (denied, ``wait_for_update``), the module's configuration, its
    stylesheet and the module itself. ``nonce``: a CSP nonce for the inline
    script (note that a cached page repeats its nonce: prefer a hash)."""
    default = json.dumps(client.consent_default(), separators=(",", ":"))
    script = (
        "window.dataLayer=window.dataLayer||[];"
        "window.gtag=window.gtag||function(){dataLayer.push(arguments);};"
        f"gtag('consent','default',{default});"
    )
    nonce_attr = format_html(' nonce="{}"', escape(str(nonce))) if nonce else ""
    config = client.config(wasm_url=static(f"{client.STATIC_DIR}/cookieprefs_page_bg.wasm"))
    return format_html(
        "<script{}>{}</script>\n{}\n"
        '<link rel="stylesheet" href="{}">\n'
        '<script type="module" src="{}"{}></script>',
        nonce_attr,
        mark_safe(script),  # keys and values from a fixed vocabulary, and an int
        json_script(config, "cookieprefs-client-config"),
        static(f"{client.STATIC_DIR}/page.css"),
        static(f"{client.STATIC_DIR}/page.js"),
        nonce_attr,
    )


@register.simple_tag
def cookieprefs_client_manage_link(text: str | None = None, css_class: str = "cookieprefs-manage-link") -> SafeString:
    """A link that reopens the dialog; without JavaScript, it is a link to
    the server's preferences page (``cookieprefs:preferences``, or
    ``COOKIEPREFS_PREFERENCES_URL``)."""
    label = text if text is not None else gettext("Manage cookies")
    url = client.preferences_url()
    if url is None:
        return format_html('<button type="button" class="{}" data-cookieprefs-open>{}</button>', css_class, label)
    return format_html('<a href="{}" class="{}" data-cookieprefs-open>{}</a>', url, css_class, label)


@register.inclusion_tag("cookieprefs/client/noscript.html")
def cookieprefs_client_noscript() -> dict[str, Any]:
    """What a visitor without JavaScript reads: optional content stays off,
    and the choice is made on the server's preferences page."""
    return {"preferences_url": client.preferences_url()}


@register.inclusion_tag("cookieprefs/client/embed.html")
def cookieprefs_client_embed(category: str, src: str, title: str, width: int = 560, height: int = 315) -> dict[str, Any]:
    """An ``<iframe>`` that loads ``src`` once ``category`` is allowed, and
    a placeholder that says why it is not shown and offers to allow it."""
    return {"category": category, "src": src, "title": title, "width": width, "height": height,
            "preferences_url": client.preferences_url()}
