"""Reporting pages, one module per page family."""
