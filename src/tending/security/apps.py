from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "tending.security"
    label = "security"
    verbose_name = "Sign-in security"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

        from tending.security import signals

        user_logged_in.connect(signals.signed_in, dispatch_uid="tending-security-signed-in")
        user_logged_out.connect(signals.signed_out, dispatch_uid="tending-security-signed-out")
        user_login_failed.connect(signals.sign_in_failed, dispatch_uid="tending-security-failed")
