"""The site's Policy, built once from ``settings.COOKIEPREFS``."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed

from .. import Error, Policy

_policy: Policy | None = None


def get_policy() -> Policy:
    """The policy of ``settings.COOKIEPREFS`` (a dict of the policy JSON form's
    keys, the cookie declaration included, read by the core as given;
    absent: the default policy)."""
    global _policy
    if _policy is None:
        config: Any = getattr(settings, "COOKIEPREFS", None)
        if config is None:
            _policy = Policy()
        elif not isinstance(config, dict):
            raise ImproperlyConfigured("COOKIEPREFS must be a dict of policy settings (docs/FORMAT.md §7)")
        else:
            try:
                _policy = Policy.from_dict(config)
            except (Error, TypeError, ValueError) as e:  # not JSON-able: TypeError, NaN: ValueError
                # The core's message names the key path within the setting.
                raise ImproperlyConfigured(f"COOKIEPREFS: {e}") from e
        _check_framework_names(_policy)
    return _policy


# Django's own cookies: the consent cookie must not share a name with one of
# them (each would overwrite the other on every response).
_FRAMEWORK_COOKIES = ("SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME", "LANGUAGE_COOKIE_NAME")


def _check_framework_names(policy: Policy) -> None:
    for setting in _FRAMEWORK_COOKIES:
        if getattr(settings, setting, None) == policy.cookie_name:
            raise ImproperlyConfigured(
                f"COOKIEPREFS: the consent cookie is named {policy.cookie_name!r}, "
                f"like Django's {setting}: give one of them another name"
            )


def today() -> datetime.date:
    """Today in UTC: the day every cookie date is counted in."""
    return datetime.datetime.now(datetime.timezone.utc).date()


def _reset(setting: str, **kwargs: Any) -> None:
    global _policy
    if setting == "COOKIEPREFS" or setting in _FRAMEWORK_COOKIES:
        _policy = None
    _flags.pop(setting, None)


setting_changed.connect(_reset)


_vary: list[Any] = [None, ()]  # [policy, its Vary headers]


def vary() -> tuple[str, ...]:
    """The request headers a page that used the evaluation varies on: the
    cookie, and ``Sec-GPC`` when the policy lets GPC refuse categories."""
    policy = get_policy()
    if _vary[0] is not policy:
        _vary[:] = [policy, ("Cookie", "Sec-GPC") if policy.gpc_categories else ("Cookie",)]
    return _vary[1]  # type: ignore[no-any-return]


_flags: dict[str, bool] = {}


def _flag(name: str) -> bool:
    """A boolean setting, read once (an absent setting costs Django's
    settings object an exception on every read)."""
    found = _flags.get(name)
    if found is None:
        found = _flags[name] = bool(getattr(settings, name, False))
    return found


def enforce() -> bool:
    """``COOKIEPREFS_ENFORCE``: drop the ``Set-Cookie`` headers the visitor's
    choice does not allow, and clear refused cookies when a choice is saved."""
    return _flag("COOKIEPREFS_ENFORCE")


def private() -> bool:
    """``COOKIEPREFS_CACHE_CONTROL_PRIVATE``: ``Cache-Control: private`` on
    the pages that used the evaluation."""
    return _flag("COOKIEPREFS_CACHE_CONTROL_PRIVATE")


def base_template() -> str:
    """``COOKIEPREFS_BASE_TEMPLATE``: the template the shipped pages extend
    (blocks ``title`` and ``content``)."""
    return str(getattr(settings, "COOKIEPREFS_BASE_TEMPLATE", "cookieprefs/base.html"))
