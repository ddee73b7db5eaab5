from django.apps import AppConfig


class CouplesConfig(AppConfig):
    name = "tending.couples"
    label = "couples"
