from django.apps import AppConfig


class PracticesConfig(AppConfig):
    """The Practices section: its index, the practice log every practice writes to, and
    what the practices share (their error, text limits, the feeling form)."""

    name = "tending.practices"
    label = "practices"
