"""The urging notices' table (and the table of the measures they cite) take this app's
names; they kept the supervision app's through 0001."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("notices", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="urgenotice", table=None),
    ]
