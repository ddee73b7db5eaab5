from django.urls import path

from tending.breathing import views

app_name = "breathing"

urlpatterns = [
    path("", views.breathe, name="index"),
    path("invite/", views.breathe_invite, name="invite"),
    path("invites/<int:invite_id>/", views.breathe_invite_status, name="invite_status"),
    path("invites/<int:invite_id>/join/", views.breathe_join, name="join"),
    path("log/", views.breathe_log, name="log"),
]
