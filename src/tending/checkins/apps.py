from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "tending.checkins"
    label = "checkins"
