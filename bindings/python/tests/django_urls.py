from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path


def home(request):
    return render(request, "home.html")


def plain(request):
    """A page that does not depend on the visitor's choices."""
    return HttpResponse("plain")


urlpatterns = [
    path("", home, name="home"),
    path("plain/", plain, name="plain"),
    path("cookies/", include("cookieprefs.django.urls")),
]
