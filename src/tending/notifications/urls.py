from django.urls import path

from tending.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.settings_page, name="settings"),
    path("devices/", views.add_device, name="add_device"),
    path("devices/forget/", views.forget_device, name="forget_device"),
    path("devices/<int:device_id>/remove/", views.remove_device, name="remove_device"),
    path("test/", views.test_push, name="test"),
    path("act/<str:token>/", views.act, name="act"),
]
