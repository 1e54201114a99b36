"""The view the banner and the preferences page post the visitor's choice to."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from .. import Error, Method
from .preferences import for_request

CHOICES = ("accept_all", "reject_all", "custom")

#: The largest JSON body the view reads. A choice is a few dozen bytes; even a
#: policy's 63 categories by long site names fit many times over.
MAX_JSON_BODY = 16 * 1024


class _BadRequest(Exception):
    """A body the view refuses: the message goes back as plain text."""


def _bad_request(message: str) -> HttpResponse:
    # Plain text, never sniffed as HTML: the message may quote what was posted.
    response = HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


def _wants_json(request: HttpRequest) -> bool:
    return request.content_type == "application/json" or "application/json" in request.headers.get("Accept", "")


def _json_body(request: HttpRequest) -> dict[str, Any]:
    """The JSON object of the body, read defensively: at most
    ``MAX_JSON_BODY`` bytes, any nesting depth refused without a crash."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise _BadRequest("invalid Content-Length") from None
    if declared > MAX_JSON_BODY:
        raise _BadRequest(f"request body too large (at most {MAX_JSON_BODY} bytes)")
    body = request.body
    if len(body) > MAX_JSON_BODY:
        raise _BadRequest(f"request body too large (at most {MAX_JSON_BODY} bytes)")
    try:
        data = json.loads(body or b"{}")
    except RecursionError:
        raise _BadRequest("JSON nested too deeply") from None
    except ValueError:  # also bad UTF-8 and integers beyond Python's digit limit
        raise _BadRequest("invalid JSON") from None
    if not isinstance(data, dict):
        raise _BadRequest("expected a JSON object")
    return data


def _choice(request: HttpRequest) -> tuple[dict[str, Any], Any]:
    """The posted fields and the list of accepted categories, as posted."""
    if request.content_type == "application/json":
        data = _json_body(request)
        return data, data.get("categories", [])
    try:
        return request.POST.dict(), request.POST.getlist("category")
    except (SuspiciousOperation, BadRequest, MultiPartParserError) as e:  # too many fields, too big, malformed
        raise _BadRequest("invalid form body") from e


@require_POST
@csrf_protect
def save(request: HttpRequest) -> HttpResponse:
    """Saves a choice: ``choice`` = ``accept_all`` | ``reject_all`` | ``custom``
    (then the ``category`` fields, or a JSON ``categories`` list, name the
    accepted categories by name or id); optional ``source=preferences_page``
    and ``next``.

    Writes the cookie with the library's own ``Set-Cookie`` header, then
    redirects to ``next`` (only to this site) or answers JSON. Whatever the
    body, a refused one gets a 400 with a ``text/plain`` message."""
    try:
        data, categories = _choice(request)
    except _BadRequest as e:
        return _bad_request(str(e))
    choice = data.get("choice")
    if choice not in CHOICES:
        return _bad_request(f"choice must be one of {', '.join(CHOICES)}")
    if not isinstance(categories, list):
        return _bad_request("categories must be a list of category names or ids")

    method = Method.PREFERENCES_PAGE if data.get("source") == "preferences_page" else Method.BANNER
    evaluation = for_request(request).evaluation
    if choice == "accept_all":
        prefs = evaluation.accept_all(method)
    elif choice == "reject_all":
        prefs = evaluation.reject_all(method)
    else:
        try:
            # The binding converts each item (a name or an int id; anything
            # else, bools included, is a TypeError) and the core checks it.
            prefs = evaluation.choose(categories, method)
        except (Error, TypeError) as e:
            return _bad_request(str(e))

    response: HttpResponse
    if _wants_json(request):
        response = JsonResponse({"value": prefs.encode(), "categories": prefs.to_dict()["categories"]})
    else:
        target = data.get("next") or request.headers.get("Referer") or "/"
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
            target = "/"
        response = HttpResponseRedirect(target)
    # The core's header, byte for byte (Django's set_cookie would reformat it),
    # for the evaluation's policy and day.
    response["Set-Cookie"] = evaluation.set_cookie_header_for(prefs)
    response["Cache-Control"] = "no-store"
    return response
