from django.urls import path

from tending.checkins import views

app_name = "checkins"

urlpatterns = [
    path("", views.checkin, name="checkin"),
    path("history/", views.history, name="history"),
    path("<int:checkin_id>/respond/", views.respond, name="respond"),
]
