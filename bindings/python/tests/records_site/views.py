"""A save view that does what the shipped one does with consent records,
in the same order: evaluate the request, build the new value from the
choice, give it a consent id, record it, and write the core's Set-Cookie
header whatever became of the record."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from cookieprefs import Error, Method
from cookieprefs.django import conf
from cookieprefs.django.records import service as records


@require_POST
@csrf_protect
def save(request: HttpRequest) -> HttpResponse:
    return _save(request, record=True)


@require_POST
@csrf_protect
def save_unrecorded(request: HttpRequest) -> HttpResponse:
    """The same without the consent id and the record: the baseline of
    scripts/load-records.sh."""
    return _save(request, record=False)


def _save(request: HttpRequest, *, record: bool) -> HttpResponse:
    policy = conf.get_policy()
    gpc = request.META.get("HTTP_SEC_GPC", "").strip() == "1"
    evaluation = policy.evaluate_header(request.META.get("HTTP_COOKIE"), today=conf.today(), gpc=gpc)
    method = Method.PREFERENCES_PAGE if request.POST.get("source") == "preferences_page" else Method.BANNER
    choice = request.POST.get("choice")
    if choice == "accept_all":
        prefs = evaluation.accept_all(method)
    elif choice == "reject_all":
        prefs = evaluation.reject_all(method)
    elif choice == "custom":
        try:
            prefs = evaluation.choose(request.POST.getlist("category"), method)
        except (Error, TypeError) as e:
            return HttpResponseBadRequest(str(e), content_type="text/plain; charset=utf-8")
    else:
        return HttpResponseBadRequest("choice must be accept_all, reject_all or custom", content_type="text/plain")

    if record and records.enabled():
        prefs = records.with_consent_id(prefs)
        records.record_choice(request, prefs, policy, language=request.POST.get("lang") or get_language() or "")

    response = JsonResponse({"value": prefs.encode(), "consent_id": prefs.consent_id and str(prefs.consent_id)})
    response["Set-Cookie"] = evaluation.set_cookie_header_for(prefs)
    response["Cache-Control"] = "no-store"
    return response
