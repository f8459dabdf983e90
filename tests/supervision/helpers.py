"""Builders shared by the supervision tests."""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from taizhang.plans.models import Assignment
from taizhang.reporting import services
from tests import factories as f

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="照片.pdf"):
    return SimpleUploadedFile(name, PDF)


def filed(assignment, period, user, values=None):
    return services.file_report(
        assignment,
        period,
        user,
        {"status": "in_progress", "narrative": "按计划推进。"},
        0,
        values=values,
        submit_after=True,
    )


def grow(world, measures: int, start: int = 10):
    """More measures in the world's plan, each with a lead and a responsible unit, an
    off-track target and a duty: what the board lists grows with them."""
    for number in range(start, start + measures):
        measure = f.MeasureFactory(plan=world.plan, number=number)
        lead = f.UnitFactory(organisation=world.organisation, region=world.home)
        f.AssignmentFactory(measure=measure, unit=lead, role=Assignment.Role.LEAD)
        f.AssignmentFactory(
            measure=measure,
            unit=f.UnitFactory(organisation=world.organisation, region=world.county),
        )
        target = f.TargetFactory(measure=measure, value=100, year=2025)
        f.TargetReadingFactory(target=target, measured_on=date(2023, 1, 1), value=10)
        f.TargetReadingFactory(target=target, measured_on=date(2024, 1, 1), value=11)
        f.RecurringDutyFactory(measure=measure, times_per_year=2)
