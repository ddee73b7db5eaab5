from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    """Guided conversations for two: stress-reducing, speaker-listener, weekly meeting."""

    name = "tending.conversations"
    label = "conversations"
