"""Taizhang (台账): run a government implementation plan as a living ledger."""

__version__ = "0.1.0"
