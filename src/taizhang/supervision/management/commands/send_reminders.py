"""manage.py send_reminders [--dry-run]: compute the reminders due today and hand them
to the notification system (which sends them in the background). Idempotent: each
reminder has a key, so running it again sends nothing new. The scheduler
(manage.py run_scheduler, or a systemd timer) runs it every few minutes."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from taizhang.supervision.reminders import due_reminders


class Command(BaseCommand):
    help = "Send the reminders due today (黄灯, 红灯, reviews waiting and arrived); idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="print one line per message that would be sent, and send nothing",
        )

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        count = 0
        for reminder in due_reminders(today):
            targets = reminder.pending()
            if dry_run:
                for target in targets:
                    self.stdout.write(
                        f"{reminder.message.event}\t{target.channel}\t{target.address}\t"
                        f"{reminder.message.title}"
                    )
            elif targets:
                with transaction.atomic():
                    reminder.send()
            count += len(targets)
        if dry_run:
            self.stdout.write(f"would send {count} messages")
        else:
            self.stdout.write(f"sent {count} messages")
