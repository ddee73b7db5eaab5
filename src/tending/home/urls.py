from django.urls import path

from tending.home import views

app_name = "home"

urlpatterns = [
    path("", views.home, name="index"),
    path("live/", views.live, name="live"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.offline, name="offline"),
]
