"""Puts ``cookie_preferences`` in every template context."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .preferences import evaluate_request


def cookie_preferences(request: HttpRequest) -> dict[str, Any]:
    """The middleware's lazy object as it is: a page whose template never
    reads it is not evaluated (and gets no ``Vary: Cookie``)."""
    found = getattr(request, "cookie_preferences", None)
    return {"cookie_preferences": found if found is not None else evaluate_request(request)}
