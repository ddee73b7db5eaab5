from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "tending.api"
    label = "api"
    verbose_name = "JSON API"

    def ready(self):
        from tending.accounts.signals import password_changed
        from tending.api.services import revoke_tokens_after_password_change

        password_changed.connect(
            revoke_tokens_after_password_change, dispatch_uid="tending-api-revoke-tokens"
        )
