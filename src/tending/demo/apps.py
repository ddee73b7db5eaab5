from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo couple and the ``tending demo`` command that seeds it."""

    name = "tending.demo"
    label = "demo"
