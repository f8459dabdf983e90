"""python manage.py load_demo: the two seed plans, their organisations and demo people."""

from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from taizhang import collector

DEMO_PASSWORD = "taizhang-demo-2025"


class Command(BaseCommand):
    help = "Load the demo organisations, plans and accounts, and print the demo logins."
    # It runs right after `migrate`, which has just run the system checks (make run).
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--demo-dir", default=str(settings.DEMO_DIR))

    def handle(self, *args, **options):
        # imported here, with the collector held off as for the load itself (taizhang/collector.py)
        with collector.held_off():
            from taizhang.demo.loading import load
            from taizhang.demo.tally import statement

            counts = Counter()
            people = load(Path(options["demo_dir"]), DEMO_PASSWORD, counts)
        if counts:
            self.stdout.write("演示数据：" + "；".join(statement(counts)))
        self.stdout.write(f"演示账号 (密码均为 {DEMO_PASSWORD}):")
        for person in people:
            self.stdout.write(f"  {person.username:<12} {person.get_role_display():<16} {person}")
