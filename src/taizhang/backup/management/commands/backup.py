"""manage.py backup PATH: the database and every stored file in one checked archive,
safe while the site runs."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from taizhang.backup import database, service


class Command(BaseCommand):
    help = "Back up the database and every stored file to one archive (PATH)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        if not path.parent.resolve().is_dir():
            raise CommandError(f"the folder of {path} does not exist", returncode=2)
        try:
            done = service.back_up(path)
        except database.RestoreRefused as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(
            f"backed up the {done['database']} database and {done['files']} files to {path}"
        )
