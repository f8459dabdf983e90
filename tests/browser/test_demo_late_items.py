"""What one unit owes (supervision.overdue.late_items_for_unit, the content of its urging
notice) is exactly the organisation's late items of that unit, in the same order, for
every unit of the demo's year (reports missing and returned, targets, duties)."""

import pytest
from django.utils import timezone

from taizhang.supervision.overdue import late_items, late_items_for_unit
from taizhang.units.models import Organisation, Unit

pytestmark = pytest.mark.django_db


def test_a_units_late_items_are_the_organisations_of_that_unit(demo):
    today = timezone.localdate()
    kinds = set()
    for organisation in Organisation.objects.all():
        everything = late_items(organisation, today)
        kinds |= {item.kind for item in everything}
        for unit in Unit.objects.filter(organisation=organisation):
            mine = [item for item in everything if item.unit_id == unit.pk]
            assert late_items_for_unit(unit, today) == mine, unit.name
    assert {"report_overdue", "report_returned", "duty_missed"} <= kinds
