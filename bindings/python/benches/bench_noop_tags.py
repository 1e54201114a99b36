"""The ``cookieprefs`` template library as a site without consent
management would have it, the baseline of bench_django.py: every tag renders
nothing, and ``{% cookieprefs_script %}`` renders its content unconditionally
(such a site loads its scripts and embeds for everyone)."""

from django import template

register = template.Library()


@register.simple_tag
def cookieprefs_consent_mode(*args: object, **kwargs: object) -> str:
    return ""


@register.simple_tag
def cookieprefs_banner(*args: object, **kwargs: object) -> str:
    return ""


@register.simple_tag
def cookieprefs_assets(*args: object, **kwargs: object) -> str:
    return ""


@register.simple_tag
def cookieprefs_manage_link(*args: object, **kwargs: object) -> str:
    return ""


@register.simple_tag
def cookieprefs_policy_link(*args: object, **kwargs: object) -> str:
    return ""


class _Always(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        return self.nodelist.render(context)


@register.tag("cookieprefs_script")
def cookieprefs_script(parser: template.base.Parser, token: template.base.Token) -> _Always:
    nodelist = parser.parse(("endcookieprefs_script",))
    parser.delete_first_token()
    return _Always(nodelist)
