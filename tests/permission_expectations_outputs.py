"""Permission-matrix rows for the outputs app's URLs (see tests/permission_expectations.py
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
    "outputs:annual_reports":     row("log  200  200  200  200  200  200  200", foreign=None,
                                      why="each sees the reports (and deadlines) it follows"),
    "outputs:annual_report_create":
                                  row("log  200  200  200  200  403  403  200", foreign=None,
                                      why="authors only: the office, units, county offices"),
    "outputs:annual_report":      row("log  200  403  403  403  200  200  404",
                                      why="the government's report: office, leaders, sysadmin"),
    "outputs:annual_report@unit": row("log  200  200  403  403  200  200  404", use=UNIT,
                                      why="a unit's year-end report: its staff and readers"),
    "outputs:annual_report@county":
                                  row("log  200  403  403  200  200  200  404", use=COUNTY,
                                      foreign=None, why="甲县's report: its county office"),
    "outputs:annual_report_edit": row("log  200  403  403  403  403  403  404",
                                      why="the office writes the government's report"),
    "outputs:annual_report_edit@unit":
                                  row("log  403  200  403  403  403  403  404", use=UNIT,
                                      why="the unit's staff write its year-end report"),
    "outputs:annual_report_edit@county":
                                  row("log  403  403  403  200  403  403  404", use=COUNTY,
                                      foreign=None, why="the county office writes its own"),
    "outputs:annual_report_regenerate":
                                  row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = permitted, the empty form refused"),
    "outputs:annual_report_finalise":
                                  row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = permitted, no version given"),
    "outputs:annual_report_docx": row("log  200  403  403  403  200  200  404"),
    "outputs:annual_report_pdf":  row("log  200  403  403  403  200  200  404",
                                      why="a draft is converted by LibreOffice on request"),
}
# fmt: on
