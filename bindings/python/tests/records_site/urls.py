from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("save/", views.save, name="save"),
    path("save-unrecorded/", views.save_unrecorded),
    path("cookies/", include("cookieprefs.django.urls")),  # the shipped views
]
