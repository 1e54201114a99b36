from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("datasets/", views.datasets, name="datasets"),
    path("stats/collect", views.collect, name="stats-collect"),
    path("embed/video/", views.embed_video, name="embed-video"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("cookies/", include("cookieprefs.django.urls")),
    # The consent records, read-only (`manage.py createsuperuser` to log in).
    path("admin/", admin.site.urls),
]
