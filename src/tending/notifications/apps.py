from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """Notifications (Web Push and e-mail), reminders, and the worker that sends them."""

    name = "tending.notifications"
    label = "notifications"

    def ready(self):
        from tending.couples.events import PartnerEvent, partner_event
        from tending.notifications import checks, services  # noqa: F401 - registers the checks

        partner_event.connect(
            services.record_event, sender=PartnerEvent, dispatch_uid="tending-notify-partner"
        )
