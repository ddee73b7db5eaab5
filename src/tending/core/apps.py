from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tending.core"
    label = "core"
