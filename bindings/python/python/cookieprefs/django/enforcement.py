"""Applies the core's enforcement answers to a Django response: the
``Set-Cookie`` headers a visitor's choice does not allow are dropped, and the
refused cookies of a withdrawal are deleted. The core decides
(``Evaluation.set_cookie_allowed``, ``Evaluation.cookies_to_clear``); this
module only edits the response."""

from __future__ import annotations

from http.cookies import Morsel
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.http import HttpResponse

    from .. import Evaluation


class RawSetCookie(Morsel):  # type: ignore[type-arg]
    """A ``Set-Cookie`` value written by the core, sent byte for byte
    (a plain Morsel would reformat it)."""

    def __init__(self, header: str) -> None:
        super().__init__()
        name = header.split("=", 1)[0].strip()
        self.set(name, "", "")
        self.header = header

    def OutputString(self, attrs: Any = None) -> str:  # noqa: N802 (http.cookies' name)
        return self.header


def filter_response(response: HttpResponse, evaluation: Evaluation) -> list[str]:
    """Drops the response's ``Set-Cookie`` headers that the evaluation does
    not allow; returns the header values dropped. The core keeps every deletion."""
    dropped = []
    for key, morsel in list(response.cookies.items()):
        if isinstance(morsel, RawSetCookie):  # the core's own deletions
            continue
        # Most cookies may be set: the name settles it without formatting the
        # header. Otherwise the whole header decides (a deletion is kept).
        if evaluation.cookie_allowed(morsel.key):
            continue
        header = morsel.OutputString()
        if not evaluation.set_cookie_allowed(header):
            dropped.append(header)
            del response.cookies[key]
    raw = response.headers.get("Set-Cookie")
    if raw is not None and not evaluation.set_cookie_allowed(raw):
        del response.headers["Set-Cookie"]
        dropped.append(raw)
    return dropped


def clear_refused(response: HttpResponse, evaluation: Evaluation, cookie_header: str | None) -> list[str]:
    """Adds the core's deletion headers for the request's cookies that the
    new choice (``evaluation``) does not allow; returns them."""
    headers = evaluation.cookies_to_clear(cookie_header) if cookie_header else []
    for header in headers:
        morsel = RawSetCookie(header)
        # Keyed by the whole header: one name may be cleared on several domains.
        dict.__setitem__(response.cookies, header, morsel)
    return headers
