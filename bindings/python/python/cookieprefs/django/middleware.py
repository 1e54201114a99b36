"""Sets a lazy ``request.cookie_preferences`` on every request, marks the
responses that used it as varying with the visitor's cookie (and GPC signal),
and, with ``COOKIEPREFS_ENFORCE = True``, drops the ``Set-Cookie`` headers the
visitor's choice does not allow."""

from __future__ import annotations

from typing import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject

from . import conf, enforcement, importing
from .preferences import CookiePreferences, evaluate_request


class CookiePreferencesMiddleware:
    """``request.cookie_preferences`` is evaluated on first use only.

    A response built after that use depends on the visitor's ``Cookie:``
    header, and on ``Sec-GPC`` when the policy lets GPC refuse categories: the
    middleware adds those to ``Vary`` so that no cache (Django's per-site
    cache, a reverse proxy) serves one visitor's page to another. With
    ``COOKIEPREFS_CACHE_CONTROL_PRIVATE = True`` it also adds
    ``Cache-Control: private`` (shared caches then keep no copy at all).
    Responses that never looked at the evaluation are left alone.

    With ``COOKIEPREFS_IMPORT`` on, a first request without a cookieprefs
    value but with another consent tool's cookie is answered from that
    cookie (``cookieprefs.django.importing``): our cookie is written and the
    old one deleted.

    With ``COOKIEPREFS_ENFORCE = True``, a response that sets cookies is
    filtered by the core (``Evaluation.set_cookie_allowed``): a cookie of a
    category the visitor has not granted is not set (the save view's own
    response is filtered by the choice it saves). Put this middleware before
    (above) any middleware that sets cookies, so that it sees theirs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # COOKIEPREFS_IMPORT: another tool's consent read before anything
        # evaluates the request (a no-op unless the setting is on).
        importing.import_request(request)
        used: list[CookiePreferences] = []

        def evaluate() -> CookiePreferences:
            prefs = evaluate_request(request)
            used.append(prefs)
            # From now on the object itself, without the lazy proxy's cost.
            request.cookie_preferences = prefs  # type: ignore[attr-defined]
            return prefs

        request.cookie_preferences = SimpleLazyObject(evaluate)  # type: ignore[attr-defined]
        response = self.get_response(request)
        importing.write_import(request, response)
        if conf.enforce() and (response.cookies or "Set-Cookie" in response.headers):
            evaluation = getattr(response, "cookieprefs_evaluation", None)
            if evaluation is None:
                evaluation = request.cookie_preferences.evaluation  # type: ignore[attr-defined]
            enforcement.filter_response(response, evaluation)
        if used:
            if "Vary" in response:
                patch_vary_headers(response, conf.vary())
            else:
                response["Vary"] = ", ".join(conf.vary())
            if conf.private():
                patch_cache_control(response, private=True)
        return response
