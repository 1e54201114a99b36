"""The ``cookieprefs`` template library with every tag rendering nothing:
the baseline of bench_django.py (the same template without cookieprefs)."""

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


class _Nothing(template.Node):
    def render(self, context: template.Context) -> str:
        return ""


@register.tag("cookieprefs_script")
def cookieprefs_script(parser: template.base.Parser, token: template.base.Token) -> _Nothing:
    parser.parse(("endcookieprefs_script",))
    parser.delete_first_token()
    return _Nothing()
