"""Working days by the Chinese holiday calendar (pure core: no Django)."""

from taizhang.workdays.days import add_working_days, is_working_day, working_days_between

__all__ = ["add_working_days", "is_working_day", "working_days_between"]
