from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "tending.assessments"
    label = "assessments"

    def ready(self) -> None:
        from tending.assessments import checks  # noqa: F401 (registers the licence notes)
