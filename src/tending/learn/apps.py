from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "tending.learn"
    label = "learn"
