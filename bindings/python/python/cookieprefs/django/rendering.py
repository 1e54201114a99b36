"""Rendering the shipped templates once, not on every request.

A banner or a placeholder depends on the policy, the language (Django's
and the policy's), the URL prefix, the states of the categories and two
per-request values: the CSRF token and the URL to
come back to. Outside ``DEBUG`` (where Django itself caches its templates),
each distinct rendering is kept with stand-ins for those two values, which
are filled in per request: a shown banner then costs a dictionary lookup
and two replacements instead of a template rendering. The number of
distinct renderings is bounded by the policy (each category is granted,
refused, asked or refused by GPC) times its languages; the cache is emptied
whenever the settings change."""

from __future__ import annotations

from html import escape as _escape
from typing import Any, Callable, Hashable

from django.conf import settings
from django.core.signals import setting_changed
from django.template.loader import get_template

_CSRF = "cookieprefs-csrf-stand-in-9b1f"
_NEXT = "cookieprefs-next-stand-in-9b1f"
_cache: dict[Hashable, str] = {}
#: A bound well above any real policy's number of renderings.
MAX_ENTRIES = 4096


def render(template_name: str, key: Hashable, context: Callable[[], dict[str, Any]], csrf_token: Any,
           next_url: str, page_key: Hashable) -> str:
    """``template_name`` rendered with ``context()`` plus ``csrf_token`` and
    ``next``; ``key`` must name everything else the rendering depends on
    (``context`` is called only when the rendering is not cached), and
    ``page_key`` Django's active language, URL prefix and URLconf
    (``CookiePreferences.page_key``)."""
    if settings.DEBUG:
        return get_template(template_name).render({**context(), "csrf_token": csrf_token, "next": next_url})
    cache_key = (template_name, key, page_key)
    html = _cache.get(cache_key)
    if html is None:
        html = get_template(template_name).render({**context(), "csrf_token": _CSRF, "next": _NEXT})
        if len(_cache) >= MAX_ENTRIES:
            _cache.clear()
        _cache[cache_key] = html
    # {% csrf_token %} renders nothing without a token: so does the copy.
    # html.escape is what Django's escape() does, without its lazy-string wrapper.
    token = _escape(str(csrf_token)) if csrf_token else ""
    return html.replace(_CSRF, token).replace(_NEXT, _escape(next_url))


def _clear(**kwargs: Any) -> None:
    _cache.clear()


setting_changed.connect(_clear)
