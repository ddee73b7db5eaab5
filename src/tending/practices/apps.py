from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "tending.practices"
    label = "practices"
