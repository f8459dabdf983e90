"""What the public page shows of a plan, built in a fixed number of queries.

Only the fields the office chose are ever copied into the result: the templates receive
these plain objects, never reports, reviews, evidence or people, so nothing internal can
reach the page by accident. Narrative and update time come from ACCEPTED reports only:
what a unit has filed but nobody has reviewed is not yet the government's word. Statuses
and the completion rate are reporting's (reporting/status.py), as on every other page."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Max
from django.utils import timezone

from taizhang.plans.grouping import ADHOC_GROUP, ADHOC_LABEL, group_of
from taizhang.plans.models import Assignment, Measure, MeasureCollective, Target
from taizhang.public.models import Publication
from taizhang.reporting.models import ProgressReport, approved_deadlines, deadline_label
from taizhang.reporting.status import (
    COMPLETION_RULE,
    STATUS_LABELS,
    STATUS_ORDER,
    STATUS_RULE,
    Completion,
    measure_statuses,
    status_counts,
)
from taizhang.supervision.progress import progress_of_targets

LEAD = Assignment.Role.LEAD
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
    completion: Completion | None  # when status is public
    plan_targets: list[PublicTarget]  # targets of the whole plan (总体目标)
    updated_at: datetime.datetime | None
    rules: tuple[str, ...] = (COMPLETION_RULE, STATUS_RULE)  # 口径 under the figures

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
    parts = _parts(plan)
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

    statuses = measure_statuses(Measure.objects.filter(plan=plan, withdrawn=False), today)
    chapters: list[PublicChapter] = []
    adhoc = PublicChapter(ADHOC_LABEL, [])  # after the last chapter (plans.grouping)
    counts: Counter = Counter()
    latest_report = None
    for measure in measures:
        status = statuses[measure.pk]
        item, report = _public_measure(measure, parts, publication, status)
        item.targets = by_measure.get(measure.pk, [])
        counts[status] += 1
        if report is not None and (latest_report is None or report.updated_at > latest_report):
            latest_report = report.updated_at
        group = group_of(measure)
        if group == ADHOC_GROUP:
            adhoc.measures.append(item)
            continue
        label = str(measure.chapter) if group is not None else ""
        if not chapters or chapters[-1].label != label:
            chapters.append(PublicChapter(label, []))
        chapters[-1].measures.append(item)
    if adhoc.measures:
        chapters.append(adhoc)

    total = len(measures)
    stats, completion = [], None
    if publication.show_status:
        stats = [(s, STATUS_LABELS[s], counts[s]) for s in STATUS_ORDER]
        completion = Completion.of(counts.elements())
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
        completion=completion,
        plan_targets=by_measure.get(None, []),
        updated_at=updated_at,
    )


@dataclass(frozen=True, slots=True)
class _Accepted:
    """What the page may show of a lead unit's latest accepted report."""

    pk: int
    assignment_id: int
    narrative: str
    updated_at: datetime.datetime
    period_name: str
    period_ends_on: datetime.date


@dataclass
class _Parts:
    """Per measure: its assignments (id, role, via id, unit name), its collectives (role,
    phrase), and each lead assignment's latest accepted report: plain values, read in three
    queries, no model instance per assignment or report."""

    assignments: dict = field(default_factory=lambda: defaultdict(list))
    collectives: dict = field(default_factory=lambda: defaultdict(list))
    accepted: dict = field(default_factory=dict)
    extended: dict = field(default_factory=dict)  # the later 完成时限 approved (延期申请)


def _measures(plan):
    return (
        Measure.objects.filter(plan=plan, withdrawn=False)
        .select_related("chapter", "source")
        .order_by("position")
    )


def _parts(plan) -> _Parts:
    parts = _Parts()
    live = {"measure__plan": plan, "measure__withdrawn": False}
    for measure_id, *row in (
        Assignment.objects.filter(**live)
        .order_by("pk")
        .values_list("measure_id", "pk", "role", "via_id", "unit__name")
    ):
        parts.assignments[measure_id].append(row)
    for measure_id, role, phrase in (
        MeasureCollective.objects.filter(**live)
        .order_by("pk")
        .values_list("measure_id", "role", "collective__phrase")
    ):
        parts.collectives[measure_id].append((role, phrase))
    for row in (
        ProgressReport.objects.accepted()
        .filter(assignment__measure__plan=plan, assignment__role=LEAD)
        .latest_per_assignment()
        .values_list(
            "pk", "assignment_id", "narrative", "updated_at", "period__name", "period__ends_on"
        )
    ):
        parts.accepted[row[1]] = _Accepted(*row)
    parts.extended, _ = approved_deadlines(Measure.objects.filter(plan=plan, withdrawn=False))
    return parts


def _public_measure(measure, parts: _Parts, publication, status):
    """The measure as the public sees it, and the lead unit's latest accepted report (for
    the summary and the update time)."""
    assignments = parts.assignments.get(measure.pk, [])
    lead_reports = [
        parts.accepted[pk] for pk, role, _via, _name in assignments if pk in parts.accepted
    ]
    report = max(lead_reports, key=lambda r: (r.period_ends_on, r.pk), default=None)

    item = PublicMeasure(number=measure.number)
    if publication.show_text:
        title = measure.title
        item.heading = title if title and measure.text.startswith(title) else ""
        item.body = measure.text[len(item.heading) :]
    collectives = parts.collectives.get(measure.pk, [])
    if publication.show_lead_units:
        item.lead = _named(assignments, collectives, LEAD)
    if publication.show_responsible_units:
        item.responsible = _named(assignments, collectives, Assignment.Role.RESPONSIBLE)
    if publication.show_deadline:
        item.deadline = deadline_label(measure.deadline_label, parts.extended.get(measure.pk))
    if publication.show_status:
        item.status, item.status_label = status, STATUS_LABELS[status]
    if publication.show_narrative and report is not None and report.narrative.strip():
        item.summary = _summary(report.narrative)
        item.summary_period = report.period_name
    if publication.show_updated and report is not None:
        item.updated_on = timezone.localdate(report.updated_at)
    return item, report


def _named(assignments, collectives, role) -> list[str]:
    """As the ledger names them: units named directly, then collective phrases as printed."""
    names = [name for _pk, kind, via, name in assignments if kind == role and via is None]
    return names + [phrase for kind, phrase in collectives if kind == role]


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
    completion: Completion | None  # None when the status is not public
    updated_at: datetime.datetime | None

    @property
    def plan(self):
        return self.publication.plan


def entries(publications: list[Publication], today=None) -> list[PublicEntry]:
    """Key figures of each published plan: three queries whatever the number of plans (the
    statuses counted per plan, the latest accepted report)."""
    today = today or timezone.localdate()
    ids = [p.plan_id for p in publications]
    measures = Measure.objects.filter(plan_id__in=ids, withdrawn=False)
    by_plan = status_counts(measures, today, by="plan_id")
    latest = dict(
        ProgressReport.objects.accepted()
        .filter(assignment__measure__plan_id__in=ids)
        .values_list("assignment__measure__plan_id")
        .annotate(last=Max("updated_at"))
        .values_list("assignment__measure__plan_id", "last")
    )
    result = []
    for publication in publications:
        plan = publication.plan
        completion = Completion.of(by_plan.get(plan.pk, Counter()).elements())
        total = completion.total
        updated = None
        if publication.show_updated:
            updated = max(
                t
                for t in (latest.get(plan.pk), publication.updated_at, plan.updated_at)
                if t is not None
            )
        shown = completion if publication.show_status else None
        result.append(PublicEntry(publication, total, shown, updated))
    return result
