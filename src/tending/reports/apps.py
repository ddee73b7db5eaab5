from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "tending.reports"
    label = "reports"
