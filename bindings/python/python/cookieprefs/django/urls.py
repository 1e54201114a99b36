from django.urls import path

from . import views

app_name = "cookieprefs"
urlpatterns = [
    path("save/", views.save, name="save"),
    path("preferences/", views.preferences, name="preferences"),
    path("policy/", views.policy, name="policy"),
]
