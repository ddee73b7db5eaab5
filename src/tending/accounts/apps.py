from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tending.accounts"
    label = "accounts"
