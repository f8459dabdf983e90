"""manage.py run_scheduler: the one scheduler process. It runs the periodic commands of
settings.TAIZHANG_SCHEDULE (the reminder scan, the retry sweep, pruning old task results)
each at its interval, in this process, one after the other. Each of them is idempotent, so
two schedulers at once, or a restart, never send anything twice.

In production the same commands can run from systemd timers instead (docs/background.md)."""

from __future__ import annotations

import logging
import signal
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

log = logging.getLogger(__name__)
TICK_SECONDS = 5


class Command(BaseCommand):
    help = "Run the periodic commands (reminders, retries) at their intervals."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run each command once and stop")

    def handle(self, *args, once=False, **options):
        schedule = [(name, int(every), list(args)) for name, every, *args in _schedule()]
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        next_run = {name: 0.0 for name, _, _ in schedule}
        self.stdout.write(
            "调度器已启动：" + "；".join(f"{n} 每 {every} 秒" for n, every, _ in schedule)
        )
        while self.running:
            for name, every, arguments in schedule:
                if time.monotonic() >= next_run[name]:
                    self.run(name, arguments)
                    next_run[name] = time.monotonic() + every
            if once:
                return
            time.sleep(TICK_SECONDS)

    def run(self, name: str, arguments: list[str]) -> None:
        close_old_connections()
        try:
            call_command(name, *arguments, stdout=self.stdout)
        except Exception:  # one failing command must not stop the others
            log.exception("scheduled command %s failed", name)

    def stop(self, signum, frame):
        self.running = False


def _schedule():
    return getattr(
        settings,
        "TAIZHANG_SCHEDULE",
        [("send_reminders", 600), ("retry_notifications", 60)],
    )
