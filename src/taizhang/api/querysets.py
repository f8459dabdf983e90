"""What each person may list through the API: the models' declared scopes
(Model.objects.for_user), the same rules the web pages ask, so a list never holds a row
whose detail would be refused."""

from __future__ import annotations

from django.db.models import QuerySet

from taizhang.reporting.models import Period, ProgressReport
from taizhang.units.models import Unit


def visible_units(user) -> QuerySet[Unit]:
    """The directory for the office and leaders; the units whose work the person files
    otherwise (their own unit, a county office its county's)."""
    return Unit.objects.for_user(user)


def visible_periods(user) -> QuerySet[Period]:
    return Period.objects.for_user(user)


def visible_reports(user) -> QuerySet[ProgressReport]:
    return ProgressReport.objects.for_user(user)
