from django.urls import path

from tending.practices import views

app_name = "practices"

urlpatterns = [
    path("", views.index, name="index"),
    path("history/", views.history, name="history"),
    path("history/<int:log_id>/feeling/", views.rate, name="rate"),
]
