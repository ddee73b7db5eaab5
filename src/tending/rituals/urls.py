from django.urls import path

from tending.rituals import views

app_name = "rituals"

urlpatterns = [
    path("", views.ritual_list, name="index"),
    path("suggested/", views.ritual_suggested, name="suggested"),
    path("<int:ritual_id>/done/", views.ritual_done, name="done"),
    path("<int:ritual_id>/undo/", views.ritual_undo, name="undo"),
    path("<int:ritual_id>/stop/", views.ritual_stop, name="stop"),
]
