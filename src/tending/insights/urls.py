from django.urls import path

from tending.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("week/", views.week, name="week"),
    path("preferences/", views.preferences, name="preferences"),
]
