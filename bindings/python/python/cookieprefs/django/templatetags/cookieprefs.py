"""``{% load cookieprefs %}``: the banner, Google Consent Mode, the link that
reopens the preferences, consent-gated scripts and the shipped assets."""

from __future__ import annotations

from html import escape as _escape
from typing import Any

from django import template
from django.template.base import Parser, Token
from django.templatetags.static import static
from django.conf import settings
from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, gettext_noop

from .. import choices, conf, rendering
from ..preferences import CookiePreferences, for_request

register = template.Library()

#: How long Google's tags wait for the ``update`` command (milliseconds).
WAIT_FOR_UPDATE_MS = 500


def _script(body: str, nonce: str | None) -> SafeString:
    # The body is the library's own text (fixed words and the core's JSON).
    if nonce:
        # Escaped even if the nonce is "safe": template string literals are.
        return SafeString(f'<script nonce="{_escape(str(nonce))}">{body}</script>')
    return SafeString(f"<script>{body}</script>")


def _nonce(request: Any, nonce: str | None) -> str | None:
    return nonce if nonce is not None else getattr(request, "csp_nonce", None)


_default_state: list[Any] = [None, ""]  # [policy, its default command's JSON]


def _default_json() -> str:
    """The Consent Mode state of a visitor who has not answered (the core's
    evaluation of no cookie: every type denied but those of ``necessary``),
    plus ``wait_for_update``; made once per policy."""
    policy = conf.get_policy()
    if _default_state[0] is not policy:
        state = policy.evaluate(None).consent_mode_json()
        _default_state[:] = [policy, state[:-1] + f',"wait_for_update":{WAIT_FOR_UPDATE_MS}}}']
    return str(_default_state[1])


@register.simple_tag(takes_context=True)
def cookieprefs_consent_mode(context: Any, nonce: str | None = None) -> SafeString:
    """Google Consent Mode v2, as Google documents it: a ``default`` command
    (the state of a visitor who has not answered, with ``wait_for_update``),
    then ``update`` with this visitor's state. Put it in ``<head>`` above the
    Google tag (gtag.js) or the Tag Manager container snippet. The CSP nonce
    is the argument, or ``request.csp_nonce`` when set (django-csp)."""
    request = context.get("request")
    if request is None:
        return SafeString("")
    # The core writes the JSON; keys and values come from a fixed vocabulary
    # ("ad_storage", "granted", ...).
    state = for_request(request).evaluation.consent_mode_json()
    return _script(
        "window.dataLayer=window.dataLayer||[];"
        "function gtag(){dataLayer.push(arguments);}"
        f"gtag('consent','default',{_default_json()});"
        f"gtag('consent','update',{state});",
        _nonce(request, nonce),
    )


@register.simple_tag(takes_context=True)
def cookieprefs_banner(context: Any, force: bool = False) -> SafeString:
    """The consent banner, when the visitor must be asked (``force=True``:
    always). Nothing on the shipped preferences and policy pages, which carry
    the form themselves."""
    request = context.get("request")
    if request is None or getattr(request, "cookieprefs_form_on_page", False):
        return SafeString("")
    prefs = for_request(request)
    if not (force or prefs.needs_banner):
        return SafeString("")
    lang = prefs.language()
    key = (conf.get_policy(), lang, choices.signature(prefs))
    return SafeString(rendering.render("cookieprefs/banner.html", key, lambda: {
        "question": prefs.question(lang),
        "necessary": choices.necessary(prefs, lang),
        "lang": lang,
    }, context.get("csrf_token"), request.get_full_path(), prefs.page_key))


_links: dict[Any, SafeString] = {}


def _link(context: Any, view: str, text: str | None, css_class: str | None, default: str) -> SafeString:
    """A link to a shipped page, made once per URL prefix, URLconf, language and text."""
    # The evaluation's lookups when it was made; the link itself does not
    # depend on the visitor's cookie, so it never makes the evaluation.
    prefs = getattr(context.get("request"), "cookie_preferences", None)
    if type(prefs) is CookiePreferences:
        page_key = prefs.page_key
    else:
        page_key = (get_language(), get_script_prefix(), get_urlconf())
    key = (view, text, css_class, page_key)
    found = _links.get(key)
    if found is None:
        label = text if text is not None else gettext(default)
        if css_class:
            found = format_html('<a href="{}" class="{}">{}</a>', reverse(view), css_class, label)
        else:
            found = format_html('<a href="{}">{}</a>', reverse(view), label)
        if not settings.DEBUG:
            _links[key] = found
    return found


@register.simple_tag(takes_context=True)
def cookieprefs_manage_link(context: Any, text: str | None = None,
                            css_class: str = "cookieprefs-manage-link") -> SafeString:
    """A link to the preferences page, for every page's footer."""
    return _link(context, "cookieprefs:preferences", text, css_class, gettext_noop("Manage cookies"))


@register.simple_tag(takes_context=True)
def cookieprefs_policy_link(context: Any, text: str | None = None) -> SafeString:
    """A link to the cookie policy page."""
    return _link(context, "cookieprefs:policy", text, None, gettext_noop("Cookie policy"))


_assets: list[SafeString] = []


@register.simple_tag
def cookieprefs_assets() -> SafeString:
    """The shipped stylesheet and script (``<head>``)."""
    if _assets and not settings.DEBUG:
        return _assets[0]
    html = format_html('<link rel="stylesheet" href="{}">\n<script src="{}" defer></script>',
                       static("cookieprefs/cookieprefs.css"), static("cookieprefs/cookieprefs.js"))
    _assets[:] = [html]
    return html


def _clear(**kwargs: Any) -> None:
    _links.clear()
    _assets.clear()


setting_changed.connect(_clear)


class ScriptNode(template.Node):
    def __init__(self, nodelist: template.NodeList, category: Any, placeholder: Any) -> None:
        self.nodelist = nodelist
        self.category = category
        self.placeholder = placeholder

    def render(self, context: Any) -> str:
        request = context.get("request")
        if request is None:
            return ""
        category = self.category.resolve(context)
        prefs = for_request(request)
        if prefs.is_allowed(category):
            return self.nodelist.render(context)
        # Not allowed: nothing runs. While the banner asks, or behind a
        # placeholder, the content is kept inert in a <template> that the
        # shipped script activates if the visitor grants the category on this
        # page (no reload); without JavaScript it never runs.
        if self.placeholder is None and not prefs.needs_banner:
            return ""
        inert = f'<template data-cookieprefs-category="{_escape(str(category))}">{self.nodelist.render(context)}</template>'
        if self.placeholder is None:
            return inert
        policy = conf.get_policy()  # one object (Evaluation.policy makes a new one on each call)
        lang = prefs.language()
        service = self.placeholder.resolve(context)
        return inert + rendering.render("cookieprefs/placeholder.html", (policy, lang, category, str(service)), lambda: {
            "category": category,
            "service": service,
            "label": policy.label(category, lang),
            "description": policy.description(category, lang),
        }, context.get("csrf_token"), request.get_full_path(), prefs.page_key)


@register.tag("cookieprefs_script")
def do_cookieprefs_script(parser: Parser, token: Token) -> ScriptNode:
    """``{% cookieprefs_script category="statistics" %}<script …></script>{% endcookieprefs_script %}``:
    the content only when the visitor allows the category. With
    ``placeholder="Service name"``, a placeholder that explains the category
    and offers to allow it stands in for the content."""
    bits = token.split_contents()
    kwargs = {}
    for bit in bits[1:]:
        key, sep, value = bit.partition("=")
        if not sep or key not in ("category", "placeholder"):
            raise template.TemplateSyntaxError(
                f"{bits[0]} takes category=\"…\" and optionally placeholder=\"…\", not {bit!r}")
        kwargs[key] = parser.compile_filter(value)
    if "category" not in kwargs:
        raise template.TemplateSyntaxError(f"{bits[0]} needs category=\"…\"")
    nodelist = parser.parse(("endcookieprefs_script",))
    parser.delete_first_token()
    return ScriptNode(nodelist, kwargs["category"], kwargs.get("placeholder"))
