from django.apps import AppConfig


class RitualsConfig(AppConfig):
    """Rituals of connection with gentle weekly progress."""

    name = "tending.rituals"
    label = "rituals"
