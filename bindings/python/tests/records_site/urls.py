from django.contrib import admin
from django.urls import path

from . import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("save/", views.save, name="save"),
    path("save-unrecorded/", views.save_unrecorded),
]
