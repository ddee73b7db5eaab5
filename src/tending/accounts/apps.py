from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tending.accounts"
    label = "accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from tending.accounts import devices
        from tending.accounts.signals import password_changed
        from tending.security.services import after_password_change

        user_login_failed.connect(devices.count_failure, dispatch_uid="tending-device-failure")
        user_logged_in.connect(devices.remember_login, dispatch_uid="tending-device-login")
        password_changed.connect(
            after_password_change, dispatch_uid="tending-security-password-changed"
        )
