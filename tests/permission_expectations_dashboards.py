"""Permission-matrix rows for the dashboards app's URLs (see tests/permission_expectations.py
for the columns and cell codes)."""

from tests.permission_expectations import Row, row

# The office and the leaders of the organisation; never the system administrator.
# Other roles are refused before the plan is looked up, so they see 403 whatever the id.
OFFICE_AND_LEADERS = "404 403 403 403 404"

# fmt: off
#                                      anon off  lia  rev  cty  lea  sys  out
PAGES: dict[str, Row] = {
    "dashboards:home":            row("log  rdr  403  403  403  rdr  403  rdr", foreign=None,
                                      why="to the newest plan's dashboard the person may see"),
    "dashboards:plan":            row("log  200  403  403  403  200  403  404",
                                      foreign=OFFICE_AND_LEADERS),
    "dashboards:plan_export":     row("log  200  403  403  403  200  403  404",
                                      foreign=OFFICE_AND_LEADERS,
                                      why="the dashboard's tables as .xlsx"),
}
# fmt: on
