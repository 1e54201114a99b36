import itertools

from django.contrib.staticfiles.views import serve
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path, re_path

renders = itertools.count(1)


def page(request):
    """The page every visitor gets; ``render`` tells whether it came from
    the cache (the same number) or was rendered again."""
    return render(request, "client_page.html", {"render": next(renders)})


def embed(request):
    return HttpResponse("<!doctype html><link rel=icon href='data:,'><title>Video</title><p id='video'>the video</p>")


def preferences(request):
    return HttpResponse("<!doctype html><link rel=icon href='data:,'><title>Preferences</title><h1>Cookie preferences (server)</h1>")


def stats(request):
    return HttpResponse("window.statsExternal = (window.statsExternal || 0) + 1;", content_type="text/javascript")


urlpatterns = [
    path("", page),
    path("embed/", embed),
    path("preferences/", preferences),
    path("stats.js", stats),
    # Static files with DEBUG off (the module, its .wasm and stylesheet).
    re_path(r"^static/(?P<path>.*)$", serve, {"insecure": True}),
]
