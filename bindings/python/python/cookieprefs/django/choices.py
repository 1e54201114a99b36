"""What the banner asks, and what its buttons save.

The states are the core's (``Evaluation.state``); this module decides only
which of them a form shows as a question and which as a standing answer:

- **asked**: the offered categories that need an answer (``not_asked`` once
  the signal of Global Privacy Control is left out);
- **standing**: the others, whose stored answers still count;
- **refused by GPC**: asked categories that the ``Sec-GPC: 1`` signal made
  ``denied`` (the core's rule 4).

The banner's "Reject" and "Accept" answer the *asked* categories and keep the
standing answers (targeted re-consent never revokes a valid grant unless the
visitor asks, on the preferences page or by unticking it). "Accept" never
grants what GPC refused: only ticking that category does."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import DeclaredCookie

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
    without_gpc = prefs.without_gpc()
    out = []
    for _cid, name, _since in prefs.offered_ids:
        state = str(evaluation.state(name))
        unanswered = state == "not_asked" if without_gpc is evaluation else str(without_gpc.state(name)) == "not_asked"
        out.append((name, state, unanswered, unanswered and state == "denied"))
    return tuple(out)


def question(prefs: CookiePreferences, lang: str) -> Question:
    evaluation = prefs.evaluation
    policy = evaluation.policy
    without_gpc = prefs.without_gpc()
    declared = policy.cookies(lang)
    out = []
    for _cid, name, _since in policy.categories:
        state = str(evaluation.state(name))
        unanswered = str(without_gpc.state(name)) == "not_asked"
        out.append(CategoryChoice(
            name=name,
            label=policy.label(name, lang),
            description=policy.description(name, lang),
            state=state,
            asked=unanswered,
            gpc_refused=unanswered and state == "denied",
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


def granted_for(q: Question, choice: str, source: str, ticked: list[Any]) -> list[Any]:
    """The categories to grant for a button of a form (the core then saves
    every other offered category as refused)."""
    if choice == "custom":
        return ticked
    if choice == "grant":  # a placeholder's "allow": these, on top of what is granted now
        return [c.name for c in q.categories if c.state == "granted"] + list(ticked)
    refused_by_gpc = {c.name for c in q.gpc_refused}
    if source == PREFERENCES_PAGE:
        keep: list[str] = []
        answer = [c.name for c in q.categories]
    else:  # the banner answers the asked categories; standing answers stay
        keep = [c.name for c in q.standing if c.state == "granted"]
        answer = [c.name for c in q.asked]
    if choice == "accept_all":
        return keep + [name for name in answer if name not in refused_by_gpc]
    return keep  # reject_all
