"""Remove plan imports nobody confirmed or abandoned (uploads older than a day)."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from taizhang.plans import importing


class Command(BaseCommand):
    help = "Delete unconfirmed plan imports older than --hours (default 24)."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, hours, **options):
        count = importing.purge(timedelta(hours=hours))
        self.stdout.write(f"removed {count} unconfirmed import(s)")
