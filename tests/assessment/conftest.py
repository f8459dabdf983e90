"""Builders for the assessment tests: reports filed at a given moment, a scheme on the
world's plan."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from taizhang.plans.models import Assignment
from tests import factories as f


def at(year, month, day, hour=12, minute=0):
    """An aware moment in the project's time zone."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def file(assignment, period, submitted_at=None, status="in_progress", state="submitted"):
    """A report as filed at ``submitted_at`` (None: a draft never submitted)."""
    return f.ReportFactory(
        assignment=assignment,
        period=period,
        status=status,
        state=state if submitted_at else "draft",
        narrative="开展专项活动。",
        submitted_at=submitted_at,
    )


def assignment_of(world, unit):
    return Assignment.objects.get(measure=world.first, unit=unit)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Evidence files go to a temporary folder, never the developer's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def scheme(world):
    """The world's 2025 scheme: one indicator per kind, 10 points each."""
    scheme = f.SchemeFactory(plan=world.plan, year=2025)
    for position, kind in enumerate(
        [
            "report_timeliness",
            "measure_completion",
            "target_attainment",
            "review_outcomes",
            "duty_fulfilment",
            "survey_results",
        ]
    ):
        f.IndicatorFactory(scheme=scheme, kind=kind, name=kind, weight=10, position=position)
    return scheme
