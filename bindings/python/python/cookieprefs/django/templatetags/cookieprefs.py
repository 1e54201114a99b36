"""``{% load cookieprefs %}``: the banner, Google Consent Mode, the link that
reopens the preferences, consent-gated scripts and the shipped assets."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import Parser, Token
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .. import choices, conf
from ..preferences import for_request

register = template.Library()

#: How long Google's tags wait for the ``update`` command (milliseconds).
WAIT_FOR_UPDATE_MS = 500


def _script(body: str, nonce: str | None) -> SafeString:
    if nonce:
        # escape() even if the nonce is "safe": template string literals are.
        return format_html('<script nonce="{}">{}</script>', escape(str(nonce)), SafeString(body))
    return format_html("<script>{}</script>", SafeString(body))


def _nonce(request: Any, nonce: str | None) -> str | None:
    return nonce if nonce is not None else getattr(request, "csp_nonce", None)


_default_state: dict[str, str] = {}


def _default_json() -> str:
    """The Consent Mode state of a visitor who has not answered (the core's
    evaluation of no cookie: every type denied but those of ``necessary``),
    plus ``wait_for_update``; cached per policy."""
    policy = conf.get_policy()
    key = policy.to_json()
    found = _default_state.get(key)
    if found is None:
        state = policy.evaluate(None).consent_mode_json()
        found = _default_state[key] = state[:-1] + f',"wait_for_update":{WAIT_FOR_UPDATE_MS}}}'
    return found


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
    question = prefs.question(lang)
    return get_template("cookieprefs/banner.html").render({
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "cookie_preferences": prefs,
        "question": question,
        "necessary": choices.necessary(prefs, lang),
        "lang": lang,
        "next": request.get_full_path(),
    }, request=None)


@register.simple_tag
def cookieprefs_manage_link(text: str | None = None, css_class: str = "cookieprefs-manage-link") -> SafeString:
    """A link to the preferences page, for every page's footer."""
    return format_html('<a href="{}" class="{}">{}</a>', reverse("cookieprefs:preferences"), css_class,
                       text if text is not None else gettext("Manage cookies"))


@register.simple_tag
def cookieprefs_policy_link(text: str | None = None) -> SafeString:
    """A link to the cookie policy page."""
    return format_html('<a href="{}">{}</a>', reverse("cookieprefs:policy"),
                       text if text is not None else gettext("Cookie policy"))


@register.simple_tag
def cookieprefs_assets() -> SafeString:
    """The shipped stylesheet and script (``<head>``)."""
    return format_html('<link rel="stylesheet" href="{}">\n<script src="{}" defer></script>',
                       static("cookieprefs/cookieprefs.css"), static("cookieprefs/cookieprefs.js"))


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
        inert = format_html('<template data-cookieprefs-category="{}">{}</template>', category,
                            mark_safe(self.nodelist.render(context)))
        if self.placeholder is None:
            return inert
        policy = prefs.evaluation.policy
        lang = prefs.language()
        return inert + get_template("cookieprefs/placeholder.html").render({
            "csrf_token": context.get("csrf_token"),
            "category": category,
            "service": self.placeholder.resolve(context),
            "label": policy.label(category, lang),
            "description": policy.description(category, lang),
            "next": request.get_full_path(),
        })


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
