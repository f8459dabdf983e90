"""The system administrator becomes staff, not a superuser: the rules answer every
permission question for it (accounts/rules.py grants it the admin site), so
user.has_perm and the rules say the same thing everywhere."""

from django.db import migrations


def to_staff(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(role="system_admin").update(is_superuser=False, is_staff=True)


def to_superuser(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(role="system_admin").update(is_superuser=True)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(to_staff, to_superuser),
    ]
