from django.apps import AppConfig


class BreathingConfig(AppConfig):
    """Paced breathing, alone or together."""

    name = "tending.breathing"
    label = "breathing"
