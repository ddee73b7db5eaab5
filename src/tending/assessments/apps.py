from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "tending.assessments"
    label = "assessments"
