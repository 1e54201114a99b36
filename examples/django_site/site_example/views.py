"""The demo portal's pages."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_POST


DATASETS = [
    ("Arrêts de bus et de tramway", "Transports", "2026-11-02"),
    ("Budget primitif 2026", "Finances", "2026-03-15"),
    ("Base adresse locale", "Adresses", "2026-10-28"),
    ("Indice de qualité de l'air", "Environnement", "2026-11-23"),
]


def home(request):
    return render(request, "home.html", {"embed_url": settings.EMBED_ORIGIN + "/embed/video/"})


def datasets(request):
    response = render(request, "datasets.html", {"datasets": DATASETS})
    # A careless view: it sets a statistics cookie whatever the visitor said.
    # With COOKIEPREFS_ENFORCE the middleware drops it unless statistics are granted.
    response.set_cookie("_pk_ses.1.portal", "1", max_age=1800, samesite="Lax")
    return response


@require_POST
def collect(request):
    """The local statistics tool's endpoint: the script posts a page view."""
    response = HttpResponse(status=204)
    response.set_cookie("_pk_id.1.portal", "visitor-42", max_age=395 * 86400, samesite="Lax")
    return response


@xframe_options_exempt
def embed_video(request):
    """The third-party "video" shown behind a placeholder (served from another origin)."""
    response = HttpResponse(
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Vidéo</title></head>'
        '<body style="margin:0;font:1rem sans-serif;background:#222;color:#fff;display:grid;place-items:center;height:100vh">'
        '<p id="video">▶ Présentation du portail (vidéo de démonstration)</p></body></html>'
    )
    response.set_cookie("embed_visitor", "v1", max_age=180 * 86400, samesite="None", secure=True)
    return response
