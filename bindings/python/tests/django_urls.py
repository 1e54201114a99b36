from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path


def home(request):
    return render(request, "home.html")


def plain(request):
    """A page that does not depend on the visitor's choices."""
    return HttpResponse("plain")


def links_only(request):
    """A page whose template shows the links but never reads the choice."""
    return render(request, "links_only.html")


def sets_cookies(request):
    """A careless view: it sets a statistics, a necessary and an undeclared cookie."""
    response = HttpResponse("cookies")
    response.set_cookie("_pk_id.1.abc", "x")
    response.set_cookie("sessionid", "s")
    response.set_cookie("theme", "dark")
    response.delete_cookie("_pk_ses.1.abc")
    return response


urlpatterns = [
    path("", home, name="home"),
    path("plain/", plain, name="plain"),
    path("sets-cookies/", sets_cookies, name="sets-cookies"),
    path("links-only/", links_only, name="links-only"),
    path("cookies/", include("cookieprefs.django.urls")),
]
