"""manage.py restore PATH: verify a backup archive and restore it on a fresh database and
empty file storage. `--check` only verifies. A corrupt archive restores nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from taizhang.backup import archive, database, service


class Command(BaseCommand):
    help = "Restore a backup archive (PATH) onto a fresh database and empty file storage."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--check", action="store_true", help="only verify the archive's checksums"
        )

    def handle(self, *args, path: Path, check: bool, **options):
        if not path.is_file():
            raise CommandError(f"{path} does not exist", returncode=2)
        try:
            if check:
                manifest = service.check(path)
                self.stdout.write(
                    f"{path} is intact: {len(manifest['members'])} members, "
                    f"made {manifest['created']}"
                )
                return
            done = service.restore(path)
        except (archive.CorruptArchive, database.RestoreRefused) as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(
            f"restored the {done['database']} database and {done['files']} files "
            f"from the backup made {done['created']}; now run: manage.py migrate"
        )
