# The version in force: when and by whom a plan's current document was imported.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def from_the_log(apps, schema_editor):
    """A plan imported or revised before: its latest 导入方案/修订方案 entry says when and by
    whom its version came in; with none (a plan broken down from its parent), created_at."""
    Plan = apps.get_model("plans", "Plan")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    entries = AuditEntry.objects.filter(object_type="plan", action__in=["import", "revise"])
    for plan in Plan.objects.all():
        entry = entries.filter(object_id=str(plan.pk)).order_by("-at", "-id").first()
        plan.version_at = entry.at if entry else plan.created_at
        plan.version_by_id = entry.actor_id if entry else None
        plan.save(update_fields=["version_at", "version_by"])


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("plans", "0008_measure_schedule_and_outcome"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="plan",
            name="version_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="本版导入时间"),
        ),
        migrations.AddField(
            model_name="plan",
            name="version_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="本版导入人",
            ),
        ),
        migrations.RunPython(from_the_log, migrations.RunPython.noop),
    ]
