from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page: each app's cards, gathered through core.registry."""

    name = "tending.home"
    label = "home"
