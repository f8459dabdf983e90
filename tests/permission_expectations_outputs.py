"""Permission-matrix rows for the outputs app's URLs (see tests/permission_expectations.py
for the columns and cell codes)."""

from tests.permission_expectations import Row

PAGES: dict[str, Row] = {}
