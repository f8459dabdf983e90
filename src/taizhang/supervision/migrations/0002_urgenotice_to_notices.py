"""Urging notices move to the notices app: the model leaves this app's state; its table
and rows stay where they are, for notices 0001 to adopt."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("supervision", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="UrgeNotice")],
        ),
    ]
