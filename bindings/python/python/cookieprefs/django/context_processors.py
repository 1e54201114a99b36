"""Puts ``cookie_preferences`` in every template context."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .preferences import for_request


def cookie_preferences(request: HttpRequest) -> dict[str, Any]:
    return {"cookie_preferences": for_request(request)}
