from django.apps import AppConfig


class YourDataConfig(AppConfig):
    name = "tending.yourdata"
    label = "yourdata"
    verbose_name = "Your data"
