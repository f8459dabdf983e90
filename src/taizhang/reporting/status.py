"""What a report means for the measure it is on: the status a measure stands at."""

from __future__ import annotations

import datetime

from taizhang.reporting.models import ProgressReport

Status = ProgressReport.Status
# Only reports a unit has sent count: a draft is still the unit's own work.
SENT_STATES = (ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED)
STATUS_LABELS = dict(Status.choices)


def derive_status(
    deadline: datetime.date | None,
    lead_status: str | None,
    anyone_reported: bool,
    today: datetime.date,
) -> str:
    """The ledger status of a measure: the lead unit's latest sent report says, else
    推进中 once any unit has reported, else 未启动; unfinished past its deadline is 滞后."""
    if lead_status:
        status = lead_status
    elif anyone_reported:
        status = Status.IN_PROGRESS
    else:
        status = Status.NOT_STARTED
    if status != Status.DONE and deadline is not None and deadline < today:
        return Status.LAGGING
    return status
