from django.apps import AppConfig


class CoachConfig(AppConfig):
    name = "tending.coach"
    label = "coach"
    verbose_name = "Gentle start-up coach"
