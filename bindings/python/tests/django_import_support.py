"""A middleware and a view for tests/test_django_import.py: the two calls of
cookieprefs.django.importing around the real middleware, as the app's
middleware makes them, and a view that shows what the request evaluated."""

from django.http import JsonResponse
from django.urls import path

from cookieprefs.django import importing
from cookieprefs.django.middleware import CookiePreferencesMiddleware


class ImportingMiddleware:
    def __init__(self, get_response):
        self.inner = CookiePreferencesMiddleware(get_response)

    def __call__(self, request):
        importing.import_request(request)
        response = self.inner(request)
        importing.write_import(request, response)
        return response


def state(request):
    prefs = request.cookie_preferences
    return JsonResponse({"needs_banner": prefs.needs_banner, "states": prefs.states})


urlpatterns = [path("state/", state)]
