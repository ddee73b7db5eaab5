from django.apps import AppConfig


class AppreciationsConfig(AppConfig):
    """ "I appreciate you for…" notes between partners, and reactions to them."""

    name = "tending.appreciations"
    label = "appreciations"
