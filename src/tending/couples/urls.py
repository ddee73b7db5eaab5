from django.urls import path

from tending.couples import views

app_name = "couples"

urlpatterns = [
    path("", views.partner, name="partner"),
    path("invite/", views.create_invite, name="create_invite"),
    path("invite/<int:invite_id>/revoke/", views.revoke_invite, name="revoke_invite"),
    path("join/<str:token>/", views.join, name="join"),
    path("unpair/", views.unpair, name="unpair"),
]
