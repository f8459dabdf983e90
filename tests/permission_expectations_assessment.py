"""Permission-matrix rows for the assessment app's URLs (see tests/permission_expectations.py
for the columns and cell codes)."""

from tests.permission_expectations import Row, row  # noqa: F401

PAGES: dict[str, Row] = {}
