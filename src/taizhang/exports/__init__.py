"""Files that Taizhang produces for offices (pure Python: the web platform reuses them)."""

from taizhang.exports.ledger_xlsx import write_plan_ledger

__all__ = ["write_plan_ledger"]
