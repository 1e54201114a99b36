"""Sets a lazy ``request.cookie_preferences`` on every request."""

from __future__ import annotations

from typing import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from .preferences import evaluate_request


class CookiePreferencesMiddleware:
    """``request.cookie_preferences`` is evaluated on first use only."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.cookie_preferences = SimpleLazyObject(lambda: evaluate_request(request))  # type: ignore[attr-defined]
        return self.get_response(request)
