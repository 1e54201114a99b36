"""``request.cookie_preferences``: the evaluation of the request's cookie,
shaped for views and templates. Every answer is the core's."""

from __future__ import annotations

import warnings
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .. import Error, Evaluation, Method, Preferences
from . import choices
from .choices import Question

if TYPE_CHECKING:
    from django.http import HttpRequest


class CookiePreferences:
    """What the server needs on every request: must the banner be shown, and
    may X be loaded. Templates use ``cookie_preferences.allowed.statistics``."""

    def __init__(self, evaluation: Evaluation, header: str | None = None, gpc: bool = False) -> None:
        self.evaluation = evaluation
        self.header = header  # the request's raw Cookie: header
        self.gpc = gpc  # whether the request sent Sec-GPC: 1
        self._questions: dict[str, Question] = {}
        self._languages: dict[str | None, str] = {}

    @cached_property
    def offered_ids(self) -> list[tuple[int, str, int]]:
        """The policy's categories: (id, site name, since_revision)."""
        return self.evaluation.policy.categories

    @cached_property
    def states(self) -> dict[str, str]:
        """Category name → the core's effective state (necessary first)."""
        return {name: str(state) for name, state in self.evaluation.categories.items()}

    @cached_property
    def allowed(self) -> dict[str, bool]:
        """Category name → may its cookies be set (the core's ``allowed``)."""
        return {name: self.evaluation.allowed(name) for name in self.evaluation.categories}

    @property
    def needs_banner(self) -> bool:
        return self.evaluation.needs_banner

    @property
    def banner_reason(self) -> str | None:
        return self.evaluation.banner_reason

    @property
    def reason(self) -> str | None:
        """Deprecated alias of :attr:`banner_reason`."""
        warnings.warn("CookiePreferences.reason is deprecated: use banner_reason", DeprecationWarning, stacklevel=2)
        return self.evaluation.banner_reason

    @property
    def error(self) -> Error | None:
        return self.evaluation.error

    @property
    def gpc_applied(self) -> bool:
        return self.evaluation.gpc_applied

    @property
    def stored(self) -> Preferences | None:
        return self.evaluation.stored

    @property
    def consent_mode(self) -> dict[str, str]:
        return self.evaluation.consent_mode()

    @property
    def offered(self) -> list[tuple[str, str]]:
        """The categories the policy offers, as (site name, state): what the
        banner asks about (``necessary`` is not asked)."""
        return [(name, str(self.evaluation.state(cid))) for cid, name, _since in self.evaluation.policy.categories]

    def question(self, lang: str | None = None) -> Question:
        """The offered categories as the forms show them, texts in ``lang``
        (default: the active Django language, negotiated by the policy)."""
        lang = self.language(lang)
        found = self._questions.get(lang)
        if found is None:
            found = self._questions[lang] = choices.question(self, lang)
        return found

    def language(self, requested: str | None = None) -> str:
        """The policy's language for ``requested`` (default: Django's active one)."""
        if requested is None:
            requested = self.page_key[0]
        found = self._languages.get(requested)
        if found is None:
            found = self._languages[requested] = self.evaluation.policy.language_for(requested or "")
        return found

    @cached_property
    def page_key(self) -> tuple[Any, ...]:
        """What the shipped renderings of this request depend on beyond their
        own arguments: Django's active language, the URL prefix and URLconf
        (looked up once per request)."""
        from django.urls import get_script_prefix, get_urlconf
        from django.utils.translation import get_language

        return (get_language(), get_script_prefix(), get_urlconf())

    def is_allowed(self, category: str | int) -> bool:
        return self.evaluation.allowed(category)

    def choose(self, granted: list[Any], method: Method = Method.BANNER) -> Preferences:
        return self.evaluation.choose(granted, method)

    def __repr__(self) -> str:
        return (
            f"<CookiePreferences needs_banner={self.needs_banner} banner_reason={self.banner_reason!r} "
            f"allowed={self.allowed}>"
        )


def evaluate_request(request: HttpRequest) -> CookiePreferences:
    """Evaluates the raw ``Cookie:`` header (not ``request.COOKIES``, which keeps
    the *last* of duplicate cookies: the core's lookup keeps the first, like
    every other cookieprefs surface) with the ``Sec-GPC`` signal."""
    from . import conf

    gpc = request.META.get("HTTP_SEC_GPC", "").strip() == "1"
    header = request.META.get("HTTP_COOKIE")
    evaluation = conf.get_policy().evaluate_header(header, today=conf.today(), gpc=gpc)
    return CookiePreferences(evaluation, header, gpc)


def for_request(request: HttpRequest) -> CookiePreferences:
    """The request's CookiePreferences (the middleware's, or evaluated now)."""
    found = getattr(request, "cookie_preferences", None)
    if found is None:
        found = evaluate_request(request)
    elif type(found) is not CookiePreferences:  # the middleware's lazy object, not evaluated yet
        found.needs_banner  # noqa: B018 (evaluates it; the middleware then sets the real one)
        found = getattr(request, "cookie_preferences", found)
    return found  # type: ignore[no-any-return]
