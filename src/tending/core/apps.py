from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tending.core"
    label = "core"

    def ready(self):
        from tending.core import checks  # noqa: F401 - registers the data directory checks
