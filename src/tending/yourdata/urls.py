from django.urls import path

from tending.yourdata import views

app_name = "yourdata"

urlpatterns = [
    path("", views.your_data, name="index"),
    path("export.zip", views.download, name="download"),
]
