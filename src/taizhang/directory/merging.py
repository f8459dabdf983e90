"""Merging two units (州委宣传部(州精神文明办) into 州委宣传部) moves work that several apps
own, so each part goes through its owner's write path, in one transaction:

1. reporting moves the duplicate's reports on measures both units carry to the kept unit's
   assignment (a new version and an audit entry each);
2. plans gives the kept unit the duplicate's assignments (the lead role wins);
3. the units directory moves people, names and collective memberships, deletes the
   duplicate and keeps its name as an alias (the "merge" audit entry);
4. plans re-syncs the collectives the kept unit joined.

A refusal anywhere (two reports for the same period, records the system cannot move)
leaves nothing half-done."""

from __future__ import annotations

from django.db import transaction

from taizhang.plans.assignments import move_assignments, sync_collective
from taizhang.reporting import services as reporting
from taizhang.units import services as units
from taizhang.units.services import DirectoryError


@transaction.atomic
def merge_units(keep, duplicate, actor, reason: str = ""):
    if keep.organisation_id != duplicate.organisation_id:
        raise DirectoryError("只能合并同一组织内的单位。")
    if keep.pk == duplicate.pk:
        raise DirectoryError("不能把单位合并到它自己。")
    assignments = duplicate.assignments.count()
    try:
        reports = reporting.move_reports_of_shared_measures(duplicate, keep, actor, reason)
    except reporting.WorkflowError as error:
        raise DirectoryError(str(error)) from None
    move_assignments(duplicate, keep)
    moved = {"assignments": assignments, "reports": reports}
    for collective in units.fold_into(keep, duplicate, actor, reason, moved):
        sync_collective(collective)
    return keep
