"""A view for tests/test_django_import.py that shows what the request
evaluated (the app's middleware imports before it)."""

from django.http import JsonResponse
from django.urls import path


def state(request):
    prefs = request.cookie_preferences
    return JsonResponse({"needs_banner": prefs.needs_banner, "states": prefs.states})


urlpatterns = [path("state/", state)]
