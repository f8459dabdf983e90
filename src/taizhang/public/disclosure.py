"""What the public page shows of a plan, built in a fixed number of queries.

Only the fields the office chose are ever copied into the result: the templates receive
these plain objects, never reports, reviews, evidence or people, so nothing internal can
reach the page by accident. Status, narrative and update time come from ACCEPTED reports
only: what a unit has filed but nobody has reviewed is not yet the government's word."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Max, OuterRef, Prefetch, Subquery
from django.utils import timezone

from taizhang.plans.models import Assignment, Measure, MeasureCollective, Target
from taizhang.public.models import Publication
from taizhang.reporting.models import ProgressReport
from taizhang.reporting.status import STATUS_LABELS, derive_status
from taizhang.supervision.progress import progress_of_targets

ACCEPTED = ProgressReport.State.ACCEPTED
LEAD = Assignment.Role.LEAD
STATUS_ORDER = [value for value, _ in ProgressReport.Status.choices]
SUMMARY_LENGTH = 150  # characters of an accepted narrative the page shows


@dataclass
class PublicTarget:
    quote: str
    goal: str  # 不低于95%（2025年）
    latest: str  # the latest value, "" when none
    status: str  # supervision.progress.Status value
    label: str


@dataclass
class PublicMeasure:
    number: int
    heading: str = ""
    body: str = ""
    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    deadline: str = ""
    status: str = ""
    status_label: str = ""
    summary: str = ""
    summary_period: str = ""
    updated_on: datetime.date | None = None
    targets: list[PublicTarget] = field(default_factory=list)


@dataclass
class PublicChapter:
    label: str
    measures: list[PublicMeasure]


@dataclass
class PublicPlan:
    publication: Publication
    chapters: list[PublicChapter]
    total: int
    stats: list[tuple[str, str, int]]  # (status, label, count), when status is public
    done_percent: int
    plan_targets: list[PublicTarget]  # targets of the whole plan (总体目标)
    updated_at: datetime.datetime | None

    @property
    def plan(self):
        return self.publication.plan


def published(queryset=None):
    """Publications whose plans the public may read, with plan, organisation, region."""
    queryset = queryset if queryset is not None else Publication.objects.all()
    return queryset.filter(published=True).select_related("plan__organisation", "plan__region")


def public_plan(publication: Publication, today: datetime.date | None = None) -> PublicPlan:
    today = today or timezone.localdate()
    plan = publication.plan
    measures = list(_measures(plan))
    progress, targets = {}, []
    if publication.show_targets:
        targets = list(
            Target.objects.filter(plan=plan)
            .exclude(measure__withdrawn=True)
            .order_by("measure__position", "pk")
        )
        progress = progress_of_targets(targets, today)
    by_measure: dict[int | None, list[PublicTarget]] = {}
    for target in targets:
        by_measure.setdefault(target.measure_id, []).append(
            _public_target(target, progress.get(target.pk))
        )

    chapters: list[PublicChapter] = []
    counts: Counter = Counter()
    latest_report = None
    for measure in measures:
        item, report, status = _public_measure(measure, publication, today)
        item.targets = by_measure.get(measure.pk, [])
        counts[status] += 1
        if report is not None and (latest_report is None or report.updated_at > latest_report):
            latest_report = report.updated_at
        label = str(measure.chapter) if measure.chapter_id else ""
        if not chapters or chapters[-1].label != label:
            chapters.append(PublicChapter(label, []))
        chapters[-1].measures.append(item)

    total = len(measures)
    stats, done_percent = [], 0
    if publication.show_status:
        stats = [(s, STATUS_LABELS[s], counts[s]) for s in STATUS_ORDER]
        done_percent = round(100 * counts[ProgressReport.Status.DONE] / total) if total else 0
    updated_at = None
    if publication.show_updated:
        updated_at = max(
            t for t in (latest_report, publication.updated_at, plan.updated_at) if t is not None
        )
    return PublicPlan(
        publication=publication,
        chapters=chapters,
        total=total,
        stats=stats,
        done_percent=done_percent,
        plan_targets=by_measure.get(None, []),
        updated_at=updated_at,
    )


def _measures(plan):
    accepted = (
        ProgressReport.objects.filter(state=ACCEPTED)
        .select_related("period")
        .order_by("-period__ends_on", "-pk")
    )
    return (
        Measure.objects.filter(plan=plan, withdrawn=False)
        .select_related("chapter")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.select_related("unit")
                .order_by("pk")
                .prefetch_related(Prefetch("reports", queryset=accepted)),
            ),
            Prefetch(
                "collectives",
                queryset=MeasureCollective.objects.select_related("collective").order_by("pk"),
            ),
        )
        .order_by("position")
    )


def _public_measure(measure, publication, today):
    """The measure as the public sees it, the lead unit's latest accepted report (for the
    update time) and the measure's status (counted even when not shown)."""
    assignments = list(measure.assignments.all())
    lead_reports = [r for a in assignments if a.role == LEAD for r in a.reports.all()]
    report = max(lead_reports, key=lambda r: (r.period.ends_on, r.pk), default=None)
    anyone = any(a.reports.all() for a in assignments)
    status = derive_status(measure.deadline, report and report.status, anyone, today)

    item = PublicMeasure(number=measure.number)
    if publication.show_text:
        title = measure.title
        item.heading = title if title and measure.text.startswith(title) else ""
        item.body = measure.text[len(item.heading) :]
    collectives = list(measure.collectives.all())
    if publication.show_lead_units:
        item.lead = _named(assignments, collectives, LEAD)
    if publication.show_responsible_units:
        item.responsible = _named(assignments, collectives, Assignment.Role.RESPONSIBLE)
    if publication.show_deadline:
        item.deadline = measure.deadline_label
    if publication.show_status:
        item.status, item.status_label = status, STATUS_LABELS[status]
    if publication.show_narrative and report is not None and report.narrative.strip():
        item.summary = _summary(report.narrative)
        item.summary_period = report.period.name
    if publication.show_updated and report is not None:
        item.updated_on = timezone.localdate(report.updated_at)
    return item, report, status


def _named(assignments, collectives, role) -> list[str]:
    """As the ledger names them: units named directly, then collective phrases as printed."""
    names = [a.unit.name for a in assignments if a.role == role and a.via_id is None]
    return names + [c.collective.phrase for c in collectives if c.role == role]


def _summary(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


def _public_target(target, progress) -> PublicTarget:
    comparator = "不低于" if target.comparator == Target.Comparator.AT_LEAST else "达到"
    per = f"每{target.per}" if target.per else ""
    goal = f"{per}{comparator}{_number(target.value)}{target.unit}"
    if target.year:
        goal += f"（{target.year}年）"
    latest = ""
    if progress is not None and progress.latest is not None:
        latest = f"{per}{_number(progress.latest)}{target.unit}"
    status = progress.status if progress is not None else "no_data"
    label = progress.label if progress is not None else "暂无数据"
    return PublicTarget(target.quote, goal, latest, status, label)


# -- the list of published plans ---------------------------------------------------------


@dataclass
class PublicEntry:
    publication: Publication
    total: int
    done_percent: int | None  # None when the status is not public
    updated_at: datetime.datetime | None

    @property
    def plan(self):
        return self.publication.plan


def entries(publications: list[Publication], today=None) -> list[PublicEntry]:
    """Key figures of each published plan: two queries whatever the number of plans."""
    today = today or timezone.localdate()
    ids = [p.plan_id for p in publications]
    accepted = ProgressReport.objects.filter(
        assignment__measure=OuterRef("pk"), state=ACCEPTED
    ).order_by("-period__ends_on", "-pk")
    rows = (
        Measure.objects.filter(plan_id__in=ids, withdrawn=False)
        .annotate(
            lead_status=Subquery(accepted.filter(assignment__role=LEAD).values("status")[:1]),
            any_report=Subquery(accepted.values("pk")[:1]),
        )
        .values_list("plan_id", "deadline", "lead_status", "any_report")
    )
    totals: Counter = Counter()
    done: Counter = Counter()
    for plan_id, deadline, lead_status, any_report in rows:
        totals[plan_id] += 1
        if derive_status(deadline, lead_status, any_report is not None, today) == "done":
            done[plan_id] += 1
    latest = dict(
        ProgressReport.objects.filter(state=ACCEPTED, assignment__measure__plan_id__in=ids)
        .values_list("assignment__measure__plan_id")
        .annotate(last=Max("updated_at"))
        .values_list("assignment__measure__plan_id", "last")
    )
    result = []
    for publication in publications:
        plan = publication.plan
        total = totals[plan.pk]
        percent = None
        if publication.show_status:
            percent = round(100 * done[plan.pk] / total) if total else 0
        updated = None
        if publication.show_updated:
            updated = max(
                t
                for t in (latest.get(plan.pk), publication.updated_at, plan.updated_at)
                if t is not None
            )
        result.append(PublicEntry(publication, total, percent, updated))
    return result
