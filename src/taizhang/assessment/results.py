"""A scheme's scores as the pages show them: computed afresh for a draft (so that a changed
rule or a late report shows at once), read from the frozen PublishedScore rows once the
scheme is published."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import Max, Value

from taizhang.assessment import facts as facts_module
from taizhang.assessment.models import Adjustment, Indicator, PublishedScore, Scheme
from taizhang.assessment.scoring import Rule, ranked, score_all, shared_ranks
from taizhang.freshness.kept import Latest, kept
from taizhang.surveys.models import Response, Survey

UNIT, COUNTY = PublishedScore.Subject.UNIT, PublishedScore.Subject.COUNTY


@dataclass
class Entry:
    """One row of a ranking table, and the breakdown behind it."""

    kind: str  # "unit" | "county"
    id: int  # unit id or region id
    name: str
    rank: int
    total: float
    lines: list[dict]  # Line.as_json() of every line
    link_unit_id: int | None = None
    region_name: str = ""
    facts: dict = field(default_factory=dict)
    members: list[str] = field(default_factory=list)
    exact_total: Fraction | None = None  # the computed total, kept exact for publishing

    def points_of(self, rule_id) -> float | None:
        return next((line["points"] for line in self.lines if line["rule_id"] == rule_id), None)

    @property
    def indicator_lines(self) -> list[dict]:
        return [line for line in self.lines if line["rule_id"] is not None]

    @property
    def adjustment_lines(self) -> list[dict]:
        return [line for line in self.lines if line["rule_id"] is None]

    @property
    def adjustment_points(self) -> float:
        return sum(line["points"] for line in self.adjustment_lines)

    @property
    def indicator_points(self) -> float:
        return sum(line["points"] for line in self.indicator_lines)

    def cells(self, indicators) -> list[float | None]:
        return [self.points_of(indicator.pk) for indicator in indicators]


@dataclass
class Results:
    scheme: Scheme
    indicators: list[Indicator]
    units: list[Entry]
    counties: list[Entry]
    published: bool

    @property
    def shared_unit_ranks(self) -> set[int]:
        return shared_ranks(entry.rank for entry in self.units)

    @property
    def shared_county_ranks(self) -> set[int]:
        return shared_ranks(entry.rank for entry in self.counties)

    def unit(self, unit_id: int) -> Entry | None:
        return next((entry for entry in self.units if entry.id == unit_id), None)

    def county(self, region_id: int) -> Entry | None:
        return next((entry for entry in self.counties if entry.id == region_id), None)


def rules_of(indicators) -> list[Rule]:
    return [
        Rule(kind=i.kind, name=i.name, weight=i.weight, params=facts_module.params_of(i), id=i.pk)
        for i in indicators
    ]


def results(scheme: Scheme, today: datetime.date | None = None) -> Results:
    """Every score of the scheme, in a fixed number of queries; a draft's computed scores
    are kept until one of their inputs changes (taizhang.freshness)."""
    indicators = list(scheme.indicators.all())
    if scheme.state == Scheme.State.PUBLISHED:
        return Results(scheme, indicators, *_published(scheme), published=True)
    units, counties = kept(
        "ranking",
        scheme.organisation_id,
        lambda: compute(scheme, indicators, today),
        params=(scheme.pk,),
        today=today,
        # answered anonymously, without an audit entry
        also=(LATEST_RESPONSE,),
    )
    return Results(scheme, indicators, units, counties, published=False)


def _latest_response_of(organisation_id):
    """The newest response id of the organisation's surveys, as MAX over the surveys' ids
    (an index read each; sorting every response to take the first cost ten times more on
    every look at the ranking). The constant group makes it one aggregate row."""
    surveys = Survey.objects.filter(organisation_id=organisation_id).values("pk")
    return (
        Response.objects.filter(survey__in=surveys)
        .order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(latest=Max("pk"))
        .values_list("latest", flat=True)
    )


# Whatever else the scores depend on moves the organisation's stamp (taizhang.freshness):
# a report filed or reviewed, a duty fulfilled, a target value, a unit, a rule, an
# adjustment; a survey's responses do not. The organisation's latest response (``kept``
# reads it in the stamp's query).
LATEST_RESPONSE = Latest(_latest_response_of)


def compute(scheme, indicators, today=None) -> tuple[list[Entry], list[Entry]]:
    adjustments = list(Adjustment.objects.filter(scheme=scheme).order_by("pk"))
    unit_subjects, county_subjects = facts_module.gather(scheme, adjustments, today)
    rules = rules_of(indicators)
    return _entries(unit_subjects, rules), _entries(county_subjects, rules)


def _entries(subjects, rules) -> list[Entry]:
    by_key = {subject.facts.key: subject for subject in subjects}
    entries = []
    for rank, score in ranked(score_all([s.facts for s in subjects], rules)):
        subject = by_key[score.key]
        entries.append(
            Entry(
                kind=subject.kind,
                id=subject.id,
                name=subject.name,
                rank=rank,
                total=float(score.total),
                lines=[line.as_json() for line in score.lines],
                link_unit_id=subject.link_unit_id,
                region_name=subject.region_name,
                facts=_facts_json(subject.facts),
                members=subject.extra.get("units", []),
                exact_total=score.total,
            )
        )
    return entries


FACT_NAMES = (
    "reports_expected",
    "reports_on_time",
    "reports_late",
    "reports_missing",
    "measures_carried",
    "measures_done",
    "measures_lagging",
    "measures_ongoing",
    "reports_reviewed",
    "reports_first_time",
    "returns",
    "duties_done",
    "duties_expected",
)


def _facts_json(facts) -> dict:
    return {name: getattr(facts, name) for name in FACT_NAMES} | {
        "target_statuses": list(facts.target_statuses)
    }


def _published(scheme) -> tuple[list[Entry], list[Entry]]:
    units, counties = [], []
    rows = PublishedScore.objects.filter(scheme=scheme).select_related("unit", "region")
    for row in rows.order_by("rank", "pk"):
        data = row.breakdown
        entry = Entry(
            kind=row.subject,
            id=row.unit_id if row.subject == UNIT else row.region_id,
            name=data.get("name") or str(row.unit or row.region),
            rank=row.rank,
            total=row.total,
            lines=data.get("lines", []),
            link_unit_id=data.get("link_unit_id"),
            region_name=data.get("region_name", ""),
            facts=data.get("facts", {}),
            members=data.get("members", []),
        )
        (units if row.subject == UNIT else counties).append(entry)
    return units, counties


def frozen_rows(scheme, entries: list[Entry]) -> list[PublishedScore]:
    """The PublishedScore rows that freeze ``entries`` (not saved)."""
    rows = []
    for entry in entries:
        total = entry.exact_total if entry.exact_total is not None else Fraction(entry.total)
        rows.append(
            PublishedScore(
                scheme=scheme,
                subject=entry.kind,
                unit_id=entry.id if entry.kind == UNIT else None,
                region_id=entry.id if entry.kind == COUNTY else None,
                total=float(total),
                rank=entry.rank,
                breakdown={
                    "name": entry.name,
                    "lines": entry.lines,
                    "total_exact": f"{total.numerator}/{total.denominator}",
                    "link_unit_id": entry.link_unit_id,
                    "region_name": entry.region_name,
                    "facts": entry.facts,
                    "members": entry.members,
                },
            )
        )
    return rows
