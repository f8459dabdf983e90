"""The year's assessment scheme as the office drafts it through assessment.services: the
usual indicators, the county satisfaction rates it entered, and its bonus and penalty
items, each with its reason (and a scanned notice as evidence where there is one)."""

from __future__ import annotations

import io
from datetime import date

import docx
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile

from taizhang.assessment import services
from taizhang.assessment.models import Indicator, Scheme
from taizhang.demo import clock
from taizhang.units.models import Region, Unit


def draft_scheme(plan, year: int, spec: dict, org_spec: dict, actor) -> Scheme:
    day = date.fromisoformat(spec["drafted_on"])
    organisation = plan.organisation
    with clock.on(clock.moment(day, 10)):
        scheme = services.create_scheme(actor, plan, year, spec["name"].format(year=year))
    survey = scheme.indicators.get(kind=Indicator.Kind.SURVEY_RESULTS)
    counties = dict(
        Region.objects.filter(organisation=organisation, level=Region.Level.COUNTY).values_list(
            "name", "pk"
        )
    )
    rates = {f"region:{counties[name]}": rate for name, rate in org_spec["survey"].items()}
    # Units are not surveyed one by one: their survey points follow their other scores.
    params = {**survey.params, "rates": rates, "when_none": "prorate"}
    with clock.on(clock.moment(day, 11)):
        services.save_indicator(scheme, actor, {"params": params}, indicator=survey)
    units = {u.name: u for u in Unit.objects.filter(organisation=organisation)}
    for item in org_spec.get("adjustments", []):
        if item["unit"] not in units:
            raise ImproperlyConfigured(f"demo adjustment: no unit named {item['unit']}")
        upload = _evidence(item["evidence"], item["reason"]) if "evidence" in item else None
        with clock.on(clock.moment(day, 15)):
            services.add_adjustment(
                scheme, actor, units[item["unit"]], item["points"], item["reason"], upload
            )
    return scheme


def _evidence(title: str, reason: str) -> SimpleUploadedFile:
    """A one-page Word file standing in for the scanned document the office attaches."""
    document = docx.Document()
    document.add_heading(title, level=1)
    document.add_paragraph(reason)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(f"{title}.docx", buffer.getvalue())
