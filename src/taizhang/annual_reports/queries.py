"""What the annual-report pages list: the reports a person may see, and the deadline board
(which governments, counties and units have filed their report on a year, and which have
not), each in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from taizhang.accounts.models import Role
from taizhang.annual_reports.models import AnnualReport
from taizhang.annual_reports.services import deadline, header_defaults
from taizhang.plans.models import Assignment
from taizhang.units.models import Region, Unit

Kind = AnnualReport.Kind


def visible_reports(user, plan=None) -> QuerySet[AnnualReport]:
    """The reports the person may list (the report's declared scope)."""
    reports = AnnualReport.objects.for_user(user).select_related(
        "plan", "region", "unit", "updated_by"
    )
    return reports if plan is None else reports.filter(plan=plan)


@dataclass
class Due:
    """One report owed on the year, and where it stands."""

    name: str
    kind: str
    addressee: str
    due_on: datetime.date
    report: AnnualReport | None  # the final one if any, else the newest draft

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label

    @property
    def final(self) -> bool:
        return self.report is not None and self.report.is_final

    def status(self, today: datetime.date) -> tuple[str, str]:
        """(badge class, label)."""
        if self.final:
            finalised = self.report.finalised_at.date()
            if finalised <= self.due_on:
                return "done", "已按时定稿"
            return "lagging", "已定稿（逾期）"
        late = today > self.due_on
        if self.report is not None:
            return ("lagging", "草稿（已逾期）") if late else ("in_progress", "草稿")
        return ("lagging", "逾期未报") if late else ("not_started", "未报送")


def board(user, plan, year: int) -> dict[str, list[Due]]:
    """The reports owed on ``year`` that the person follows: the office, leaders and the
    system administrator the whole organisation's; a county office its county's; a
    unit its own."""
    reports = list(visible_reports(user, plan).filter(year=year).order_by("state", "-updated_at"))
    found: dict[tuple, AnnualReport] = {}
    for report in reports:  # drafts first, so a final one overrides
        key = (report.kind, report.region_id, report.unit_id)
        if key not in found or report.is_final:
            found[key] = report
    governments, counties, units = [], [], []
    regions = Region.objects.filter(
        organisation_id=plan.organisation_id,
        level__in=(Region.Level.PREFECTURE, Region.Level.COUNTY),
    ).select_related("organisation")
    if user.role == Role.COUNTY_OFFICE:
        regions = regions.filter(pk=user.region_id)
    elif user.role in (Role.LIAISON, Role.REVIEWER):
        regions = regions.none()
    for region in regions.order_by("level", "pk"):
        if region.level == Region.Level.PREFECTURE and region.pk == plan.region_id:
            governments.append(_due(Kind.GOVERNMENT, plan, region, None, year, found))
        elif region.level == Region.Level.COUNTY:
            counties.append(_due(Kind.COUNTY_UP, plan, region, None, year, found))
    carrying = Unit.objects.filter(
        pk__in=Assignment.objects.owing().filter(measure__plan=plan).values("unit_id")
    ).select_related("region", "organisation")
    if user.role == Role.COUNTY_OFFICE:
        carrying = carrying.filter(
            Q(region_id=user.region_id) | Q(region__parent_id=user.region_id)
        )
    elif user.role in (Role.LIAISON, Role.REVIEWER):
        carrying = carrying.filter(pk=user.unit_id)
    for unit in carrying.order_by("level", "category", "name"):
        units.append(_due(Kind.UNIT_YEAR_END, plan, unit.region, unit, year, found))
    return {"governments": governments, "counties": counties, "units": units}


def _due(kind, plan, region, unit, year, found) -> Due:
    header = header_defaults(kind, plan, region, unit, year)
    return Due(
        name=unit.name if unit else header["signature"],
        kind=kind,
        addressee=header["addressee"],
        due_on=deadline(kind, year),
        report=found.get((kind, region.pk, unit.pk if unit else None)),
    )
