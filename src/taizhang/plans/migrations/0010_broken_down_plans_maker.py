# A plan made by 分解制定本级方案 before its maker was kept (Plan.version_by / version_at,
# set by plans.breakdown since): its 按上级方案分解制定方案 audit entry says who made it and when.


from django.db import migrations

BROKEN_DOWN_FROM = "分解自"  # plans.models.BROKEN_DOWN_FROM, as it was when written


def from_the_log(apps, schema_editor):
    """Each such plan without a maker takes the actor and time of its break_down entry; a
    plan with none keeps what it has (Plan.version falls back to its creation time)."""
    Plan = apps.get_model("plans", "Plan")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    plans = Plan.objects.filter(
        source_name__startswith=BROKEN_DOWN_FROM, version_by__isnull=True, revision=1
    )
    ids = {str(pk): pk for pk in plans.values_list("pk", flat=True)}
    entries = AuditEntry.objects.filter(
        object_type="plan", action="break_down", object_id__in=list(ids)
    ).order_by("at", "id")
    made = {}
    for object_id, at, actor_id in entries.values_list("object_id", "at", "actor_id"):
        made.setdefault(ids[object_id], (at, actor_id))  # the first: the plan as made
    for pk, (at, actor_id) in made.items():
        Plan.objects.filter(pk=pk).update(version_at=at, version_by_id=actor_id)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("plans", "0009_plan_version_in_force"),
    ]

    # nothing to undo: the fields stay as filled, as plans made since fill them
    operations = [migrations.RunPython(from_the_log, migrations.RunPython.noop, elidable=True)]
