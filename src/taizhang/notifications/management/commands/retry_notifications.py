"""manage.py retry_notifications: hand the deliveries due for a (re)try back to the task
worker (failed attempts after their back-off, or deliveries whose enqueue was lost). Run
every minute by the scheduler; idempotent."""

from django.core.management.base import BaseCommand

from taizhang.notifications.tasks import requeue_due


class Command(BaseCommand):
    help = "Re-enqueue notification deliveries due for another attempt."

    def handle(self, *args, **options):
        ids = requeue_due()
        if ids:
            self.stdout.write(f"requeued {len(ids)} deliveries")
