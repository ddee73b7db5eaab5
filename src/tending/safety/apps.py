from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "tending.safety"
    label = "safety"

    def ready(self) -> None:
        from django.contrib import admin

        from tending.safety import checks  # noqa: F401 (registers the crisis-line check)

        admin.site.index_template = "safety/admin/index.html"
