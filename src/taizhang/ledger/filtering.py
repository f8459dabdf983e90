"""Which ledger rows a person asked for: the page's filters over the rows they may see."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from taizhang.ledger import queries
from taizhang.ledger.forms import LedgerFilterForm
from taizhang.plans.grouping import group_of
from taizhang.plans.models import Measure, Plan
from taizhang.units.models import Unit


@dataclass
class FilteredLedger:
    form: LedgerFilterForm
    rows: list[queries.LedgerRow]  # after every filter
    chapter_counts: Counter  # rows per group (plans.grouping.group_of) before the chapter filter
    chapters: list
    sections: list


def filtered(user, query, plan: Plan) -> FilteredLedger:
    """The rows the person asked for (search, unit, status, chapter, section) among those
    they may see, ``query`` being the page's query string. Shared by the page, its export
    and the export made in the background, so the file matches the page."""
    units = (
        Unit.objects.filter(
            assignments__measure__in=Measure.objects.filter(plan=plan, withdrawn=False)
            .for_user(user)
            .values("pk")
        )
        .distinct()
        .order_by("level", "name")
    )
    chapters = list(plan.chapters.all())
    sections = list(plan.sections.all())
    form = LedgerFilterForm(query, units=units, sections=sections)
    rows = queries.ledger_rows(
        user,
        plan,
        unit_id=form.value("unit"),
        status=form.value("status") or "",
        q=form.value("q") or "",
    )
    counts = Counter(group_of(row.measure) for row in rows)
    if group := form.value("chapter"):
        rows = [row for row in rows if group_of(row.measure) == group]
    if section_id := form.value("section"):
        rows = [row for row in rows if row.measure.section_id == section_id]
    return FilteredLedger(form, rows, counts, chapters, sections)
