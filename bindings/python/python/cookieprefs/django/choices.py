"""What the banner asks, and what its buttons save.

Every rule is the core's (``docs/FORMAT.md`` §6, "Answering the banner"):

- **asked** (``Evaluation.asked``): the offered categories that need an
  answer (no stored answer that counts, the GPC signal left out);
- **standing**: the others, whose stored answers still count;
- **refused by GPC** (``Evaluation.gpc_refused``): asked categories that the
  ``Sec-GPC: 1`` signal made ``denied``;
- the banner's "Accept" and "Reject" (``Evaluation.accept_asked`` and
  ``reject_asked``) answer the asked categories and keep the standing
  answers; "Accept" never grants what GPC refused: only ticking it does.

This module only shapes them for the forms: labels, descriptions, cookies,
which boxes are shown checked, and which of the core's answers a button of
a form saves."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import DeclaredCookie, Evaluation, Method, Preferences

if TYPE_CHECKING:
    from .preferences import CookiePreferences

#: ``source`` values the save view knows.
BANNER = "banner"
PREFERENCES_PAGE = "preferences_page"


@dataclass(frozen=True)
class CategoryChoice:
    """One offered category as a form shows it."""

    name: str
    label: str
    description: str
    state: str  # the core's effective state: granted, denied, not_asked
    asked: bool
    gpc_refused: bool
    cookies: list[DeclaredCookie] = field(default_factory=list)  # texts in the page's language

    @property
    def checked(self) -> bool:
        return self.state == "granted"


@dataclass(frozen=True)
class Question:
    categories: list[CategoryChoice]
    lang: str

    @property
    def asked(self) -> list[CategoryChoice]:
        return [c for c in self.categories if c.asked]

    @property
    def standing(self) -> list[CategoryChoice]:
        return [c for c in self.categories if not c.asked]

    @property
    def gpc_refused(self) -> list[CategoryChoice]:
        return [c for c in self.categories if c.gpc_refused]

    @property
    def signature(self) -> tuple[tuple[str, str, bool, bool], ...]:
        """What a rendering of this question depends on, beyond the policy
        and the language."""
        return tuple((c.name, c.state, c.asked, c.gpc_refused) for c in self.categories)

    @property
    def targeted(self) -> bool:
        """Some answers stand and only the others are asked."""
        return bool(self.standing) and bool(self.asked)


def signature(prefs: CookiePreferences) -> tuple[tuple[str, str, bool, bool], ...]:
    """What a form's rendering depends on beyond the policy and the language:
    each offered category's state, whether it is asked, whether GPC refused
    it (the same as ``question(prefs, lang).signature``, without the texts)."""
    evaluation = prefs.evaluation
    asked = set(evaluation.asked)
    refused = set(evaluation.gpc_refused)
    return tuple(
        (name, str(evaluation.state(name)), name in asked, name in refused) for _cid, name, _since in prefs.offered_ids
    )


def question(prefs: CookiePreferences, lang: str) -> Question:
    evaluation = prefs.evaluation
    policy = evaluation.policy
    asked = set(evaluation.asked)
    refused = set(evaluation.gpc_refused)
    declared = policy.cookies(lang)
    out = []
    for _cid, name, _since in policy.categories:
        out.append(CategoryChoice(
            name=name,
            label=policy.label(name, lang),
            description=policy.description(name, lang),
            state=str(evaluation.state(name)),
            asked=name in asked,
            gpc_refused=name in refused,
            cookies=[c for c in declared if c.category == name],
        ))
    return Question(out, lang)


def necessary(prefs: CookiePreferences, lang: str) -> CategoryChoice:
    policy = prefs.evaluation.policy
    return CategoryChoice(
        name="necessary",
        label=policy.label("necessary", lang),
        description=policy.description("necessary", lang),
        state="granted",
        asked=False,
        gpc_refused=False,
        cookies=[c for c in policy.cookies(lang) if c.category == "necessary"],
    )


def save(evaluation: Evaluation, choice: str, source: str, ticked: list[Any], method: Method) -> Preferences:
    """The value a button of a form saves, as the core makes it (raises the
    core's ``Error``, or ``TypeError``, for a ticked category it refuses)."""
    if choice == "custom":
        return evaluation.choose(ticked, method)
    if choice == "grant":  # a placeholder's "allow": these, on top of what is granted now
        granted = [name for name, state in evaluation.categories.items() if str(state) == "granted"]
        return evaluation.choose([name for name in granted if name != "necessary"] + list(ticked), method)
    if source == PREFERENCES_PAGE:  # the page asks every category
        if choice == "accept_all":  # every category but those GPC refused: only ticking grants them
            return evaluation.accept_all(method)
        return evaluation.reject_all(method)
    # The banner answers the asked categories; standing answers stay.
    if choice == "accept_all":
        return evaluation.accept_asked(method)
    return evaluation.reject_asked(method)
