from django.urls import path

from tending.appreciations import views

app_name = "appreciations"

urlpatterns = [
    path("", views.appreciation_list, name="index"),
    path("<int:appreciation_id>/react/", views.react, name="react"),
]
