from django.core.management.base import BaseCommand

from tending.security.services import prune_events


class Command(BaseCommand):
    help = "Delete everyone's security events older than 90 days."

    def handle(self, *args, **options):
        deleted = prune_events()
        self.stdout.write(f"Deleted {deleted} security events older than 90 days.")
