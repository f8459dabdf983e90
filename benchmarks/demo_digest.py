"""What a loaded demo holds, as one JSON document to compare two versions of the loader
(docs/performance.md, "load_demo"): rows per model; audit entries per object type and
action, per day, and with their labels, changes and reasons; notifications and deliveries
(event, title, channel, recipient, status, times to the minute); each report, version
(snapshot) and review; the urging notices; the plans' measures, assignments, targets,
duties and collectives; the survey responses and answers. Everything is keyed by what it
is about (unit, measure, period, names), not by ids, which a loader that writes in another
order gives out differently. Compare two loads of the same day (the demo's year ends today).

    TAIZHANG_VAR_DIR=/tmp/a .venv/bin/python benchmarks/demo_digest.py > /tmp/a.json
    TAIZHANG_VAR_DIR=/tmp/b .venv/bin/python benchmarks/demo_digest.py > /tmp/b.json
    diff /tmp/a.json /tmp/b.json
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    if not os.environ.get("TAIZHANG_VAR_DIR"):
        raise SystemExit("demo_digest: set TAIZHANG_VAR_DIR to a directory with the demo loaded")
    sys.path[:0] = [str(REPO / "src")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.config.settings")
    import django

    django.setup()
    json.dump(digest(), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")


def _rows(queryset) -> Counter:
    """How often each row (its values joined) occurs: rows compared without their ids."""
    return Counter("|".join(str(v) for v in row) for row in queryset)


def digest() -> dict:
    from django.apps import apps
    from django.utils import timezone

    from taizhang.audit.models import AuditEntry
    from taizhang.notifications.models import Notification
    from taizhang.reporting.models import ProgressReport, ReportVersion, Review

    def day(moment) -> str:
        return "" if moment is None else timezone.localdate(moment).isoformat()

    def minute(moment) -> str:
        return "" if moment is None else timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")

    rows = {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy
    }
    audit = Counter(f"{t}.{a}" for t, a in AuditEntry.objects.values_list("object_type", "action"))
    audit_days = Counter(
        f"{t}.{a}@{day(at)}"
        for t, a, at in AuditEntry.objects.values_list("object_type", "action", "at")
    )
    audit_labels = Counter(
        f"{t}.{a}:{label}|{json.dumps(changes, ensure_ascii=False, sort_keys=True)}|{reason}"
        for t, a, label, changes, reason in AuditEntry.objects.exclude(
            object_type="auditentry"
        ).values_list("object_type", "action", "object_label", "changes", "reason")
    )
    notifications = Counter(
        f"{event}@{day(at)}:{title}"
        for event, at, title in Notification.objects.values_list("event", "created_at", "title")
    )

    def about(report) -> str:
        a = report.assignment
        measure = f"{a.measure.plan_id}#{a.measure.number}"
        return f"{a.unit.organisation_id}/{a.unit.name}/{measure}/{a.role}/{report.period.name}"

    reports = ProgressReport.objects.select_related(
        "assignment__unit", "assignment__measure", "period", "updated_by"
    )
    report_rows = {
        about(r): [
            r.state,
            r.status,
            r.version,
            r.narrative,
            minute(r.first_submitted_at),
            minute(r.submitted_at),
            minute(r.updated_at),
            str(r.updated_by),
        ]
        for r in reports
    }
    versions = Counter()
    for v in ReportVersion.objects.select_related(
        "report__assignment__unit", "report__assignment__measure", "report__period", "author"
    ):
        versions[
            f"{about(v.report)}|{v.number}|{v.action}|{minute(v.created_at)}|{v.author}|"
            + json.dumps(v.snapshot, ensure_ascii=False, sort_keys=True)
        ] += 1
    reviews = Counter()
    for r in Review.objects.select_related(
        "report__assignment__unit", "report__assignment__measure", "report__period", "reviewer"
    ):
        reviews[
            f"{about(r.report)}|{r.stage}|{r.decision}|{r.comment}|{minute(r.at)}|{r.reviewer}"
        ] += 1
    from taizhang.plans.models import Assignment, Measure, MeasureCollective, RecurringDuty, Target

    measures = _rows(
        Measure.all_objects.values_list(
            "plan__title",
            "number",
            "position",
            "chapter__number",
            "section__number",
            "title",
            "text",
            "attribution_raw",
            "deadline",
            "withdrawn",
        )
    )
    assignments = _rows(
        Assignment.all_objects.values_list(
            "measure__plan__title",
            "measure__number",
            "unit__name",
            "role",
            "via__phrase",
            "ended_at",
        )
    )
    targets = _rows(
        Target.objects.values_list(
            "plan__title", "measure__number", "quote", "value", "unit", "year", "per"
        )
    )
    duties = _rows(
        RecurringDuty.objects.values_list(
            "measure__plan__title", "measure__number", "quote", "times_per_year"
        )
    )
    collectives = _rows(
        MeasureCollective.objects.values_list(
            "measure__plan__title", "measure__number", "collective__phrase", "role"
        )
    )
    from taizhang.surveys.models import Answer, Response

    survey_responses = _rows(
        Response.objects.values_list(
            "survey__wave", "region__name", "device_hash", "age_band", "gender", "occupation"
        )
    )
    survey_answers = _rows(
        Answer.objects.values_list(
            "response__survey__wave",
            "response__device_hash",
            "question__position",
            "question__text",
            "choice__label",
            "text",
        )
    )
    from taizhang.notifications.models import Delivery

    deliveries = Counter(
        f"{event}@{minute(n_at)}:{title}|{channel}|{who}|{unit}|{address}|{state}|{minute(sent)}"
        f"|{minute(d_at)}"
        for event, n_at, title, channel, who, unit, address, state, sent, d_at in (
            Delivery.objects.values_list(
                "notification__event",
                "notification__created_at",
                "notification__title",
                "channel",
                "recipient__username",
                "unit__name",
                "address",
                "status",
                "sent_at",
                "created_at",
            )
        )
    )
    from taizhang.notices.models import UrgeNotice

    notices = Counter(
        "|".join(str(v) for v in row[:-1])
        + "|"
        + json.dumps(row[-1], ensure_ascii=False, sort_keys=True)
        for row in UrgeNotice.objects.values_list(
            "unit__name", "number", "level", "title", "body", "issued_on", "state", "items"
        )
    )
    return {
        "notices": dict(notices),
        "deliveries": dict(deliveries),
        "survey_responses": dict(survey_responses),
        "survey_answers": dict(survey_answers),
        "plan_measures": dict(measures),
        "plan_assignments": dict(assignments),
        "plan_targets": dict(targets),
        "plan_duties": dict(duties),
        "plan_collectives": dict(collectives),
        "rows": rows,
        "audit": dict(audit),
        "audit_days": dict(audit_days),
        "audit_content": dict(audit_labels),
        "notifications": dict(notifications),
        "reports": report_rows,
        "versions": dict(versions),
        "reviews": dict(reviews),
    }


if __name__ == "__main__":
    main()
