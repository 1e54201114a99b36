from django.shortcuts import render
from django.urls import include, path


def home(request):
    return render(request, "home.html")


def preferences(request):
    return render(request, "preferences.html")


urlpatterns = [
    path("", home, name="home"),
    path("cookie-preferences/", preferences, name="preferences"),
    path("cookies/", include("cookieprefs.django.urls")),
]
