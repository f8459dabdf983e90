"""Permission-matrix rows for the annual reports app's URLs (see tests/permission_expectations.py
for the columns and cell codes).

annual_report_id is the organisation's government report on 2025 (a draft the office
wrote); the variants are 州教育局's year-end report (unit_annual_report) and 甲县's report
up to the prefecture (county_annual_report)."""

from tests.permission_expectations import Row, row

UNIT = {"annual_report_id": "unit_annual_report"}
COUNTY = {"annual_report_id": "county_annual_report"}

# fmt: off
#                                      anon off  lia  rev  cty  lea  sys  out
PAGES: dict[str, Row] = {
    "annual_reports:list":     row("log  200  200  200  200  200  403  200", foreign=None,
                                      why="each sees the reports (and deadlines) it follows"),
    "annual_reports:create":
                                  row("log  200  200  200  200  403  403  200", foreign=None,
                                      why="authors only: the office, units, county offices"),
    "annual_reports:detail":      row("log  200  403  403  403  200  403  404",
                                      why="the government's report: office and leaders"),
    "annual_reports:detail@unit": row("log  200  200  403  403  200  403  404", use=UNIT,
                                      why="a unit's year-end report: its staff and readers"),
    "annual_reports:detail@county":
                                  row("log  200  403  403  200  200  403  404", use=COUNTY,
                                      foreign=None, why="甲县's report: its county office"),
    "annual_reports:edit": row("log  200  403  403  403  403  403  404",
                                      why="the office writes the government's report"),
    "annual_reports:edit@unit":
                                  row("log  403  200  403  403  403  403  404", use=UNIT,
                                      why="the unit's staff write its year-end report"),
    "annual_reports:edit@county":
                                  row("log  403  403  403  200  403  403  404", use=COUNTY,
                                      foreign=None, why="the county office writes its own"),
    "annual_reports:regenerate":
                                  row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = permitted, the empty form refused"),
    "annual_reports:finalise":
                                  row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = permitted, no version given"),
    "annual_reports:docx": row("log  200  403  403  403  200  403  404"),
    "annual_reports:pdf":  row("log  rdr  403  403  403  rdr  403  404",
                                      why="a draft's PDF: made by the task worker, see the job"),
}
# fmt: on
