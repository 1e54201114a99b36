"""The view the banner and the preferences page post the visitor's choice to."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from .. import Error, Method
from .preferences import for_request

CHOICES = ("accept_all", "reject_all", "custom")


def _wants_json(request: HttpRequest) -> bool:
    return request.content_type == "application/json" or "application/json" in request.headers.get("Accept", "")


@require_POST
@csrf_protect
def save(request: HttpRequest) -> HttpResponse:
    """Saves a choice: ``choice`` = ``accept_all`` | ``reject_all`` | ``custom``
    (then the ``category`` fields, or a JSON ``categories`` list, name the
    accepted categories); optional ``source=preferences_page`` and ``next``.

    Writes the cookie with the library's own ``Set-Cookie`` header, then
    redirects to ``next`` (only to this site) or answers JSON."""
    data: dict[str, Any]
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return HttpResponseBadRequest("invalid JSON")
        if not isinstance(data, dict):
            return HttpResponseBadRequest("expected a JSON object")
        categories = data.get("categories", [])
    else:
        data = request.POST.dict()
        categories = request.POST.getlist("category")
    choice = data.get("choice")
    if choice not in CHOICES:
        return HttpResponseBadRequest(f"choice must be one of {', '.join(CHOICES)}")
    if not isinstance(categories, list) or not all(isinstance(c, (str, int)) for c in categories):
        return HttpResponseBadRequest("categories must be a list of category names")

    method = Method.PREFERENCES_PAGE if data.get("source") == "preferences_page" else Method.BANNER
    evaluation = for_request(request).evaluation
    if choice == "accept_all":
        prefs = evaluation.accept_all(method)
    elif choice == "reject_all":
        prefs = evaluation.reject_all(method)
    else:
        try:
            prefs = evaluation.choose(list(categories), method)
        except Error as e:
            return HttpResponseBadRequest(str(e))

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
