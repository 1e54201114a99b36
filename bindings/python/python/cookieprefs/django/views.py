"""The shipped views: the save view the banner, the preferences page and the
placeholders post the visitor's choice to, the preferences page and the
cookie policy page."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_POST

from .. import Error, Method
from . import choices, conf, enforcement
from .preferences import for_request
from .records import service as records

#: ``accept_all`` / ``reject_all`` answer what the form asks (the banner: the
#: categories that need an answer, standing answers kept; the preferences
#: page: every category); ``custom`` saves the ticked ``category`` fields;
#: ``grant`` adds them to what is granted now (a placeholder's "allow").
CHOICES = ("accept_all", "reject_all", "custom", "grant")

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
    """Saves a choice: ``choice`` = ``accept_all`` | ``reject_all`` (what the
    form asks: see :mod:`.choices`) | ``custom`` | ``grant`` (then the
    ``category`` fields, or a JSON ``categories`` list, name the accepted
    categories by name or id); optional ``source=preferences_page`` and
    ``next``. With the records app installed, the choice gets a consent id
    and a record first.

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

    source = choices.PREFERENCES_PAGE if data.get("source") == choices.PREFERENCES_PAGE else choices.BANNER
    method = Method.PREFERENCES_PAGE if source == choices.PREFERENCES_PAGE else Method.BANNER
    current = for_request(request)
    evaluation = current.evaluation
    try:
        # The binding converts each ticked item (a name or an int id;
        # anything else, bools included, is a TypeError) and the core checks it.
        prefs = choices.save(evaluation, choice, source, categories, method)
    except (Error, TypeError) as e:
        return _bad_request(str(e))
    if records.enabled():
        # Proof of consent (cookieprefs.django.records): a consent id, and the
        # record of this choice with the declaration shown, before the cookie.
        prefs = records.with_consent_id(prefs)
        records.record_choice(request, prefs, conf.get_policy(), language=current.language())
    # The choice as the next request will see it (same day, same GPC signal).
    saved = evaluation.policy.evaluate(prefs.encode(), today=evaluation.today, gpc=current.gpc)

    response: HttpResponse
    if _wants_json(request):
        response = JsonResponse({
            "value": prefs.encode(),
            "categories": prefs.to_dict()["categories"],
            "allowed": {name: saved.allowed(name) for name in saved.categories},
            "consent_mode": saved.consent_mode(),
            "needs_banner": saved.needs_banner,
        })
    else:
        target = data.get("next") or request.headers.get("Referer") or "/"
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
            target = "/"
        response = HttpResponseRedirect(target)
    # The core's header, byte for byte (Django's set_cookie would reformat it),
    # for the evaluation's policy and day.
    response["Set-Cookie"] = evaluation.set_cookie_header_for(prefs)
    response["Cache-Control"] = "no-store"
    if conf.enforce():
        # A withdrawal clears the refused categories' cookies the request
        # carried; the middleware filters this response by the new choice.
        enforcement.clear_refused(response, saved, current.header)
        response.cookieprefs_evaluation = saved  # type: ignore[attr-defined]
    return response


def _page(request: HttpRequest, template: str, **context: Any) -> HttpResponse:
    prefs = for_request(request)
    lang = prefs.language()
    # The page carries the form itself: the banner tag renders nothing here
    # (one form per page, unique ids).
    request.cookieprefs_form_on_page = True  # type: ignore[attr-defined]
    response = render(request, template, {
        "base_template": conf.base_template(),
        "cookie_preferences": prefs,
        "question": prefs.question(lang),
        "necessary": choices.necessary(prefs, lang),
        "lang": lang,
        "saved": request.GET.get("saved") == "1",
        "next": request.path + "?saved=1",
        **context,
    })
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def preferences(request: HttpRequest) -> HttpResponse:
    """The preferences page: the visitor's current choice and the form to
    change or withdraw it, at any time."""
    return _page(request, "cookieprefs/preferences.html")


@require_GET
def policy(request: HttpRequest) -> HttpResponse:
    """The cookie policy page: the core's rendering of the declaration in the
    active language, then the visitor's current choice and the form."""
    prefs = for_request(request)
    page = prefs.evaluation.policy.page(prefs.language(), format="html")
    return _page(request, "cookieprefs/policy.html", policy_html=page,
                 preferences_url=reverse("cookieprefs:preferences"))
