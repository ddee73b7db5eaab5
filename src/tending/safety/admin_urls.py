from django.contrib import admin
from django.urls import path

from tending.safety import admin_views

app_name = "safety_admin"

urlpatterns = [
    path("", admin.site.admin_view(admin_views.crisis_lines), name="crisis_lines"),
]
