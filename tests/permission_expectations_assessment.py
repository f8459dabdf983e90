"""Permission-matrix rows for the assessment app's URLs (see tests/permission_expectations.py
for the columns and cell codes).

The office sets and publishes schemes; leaders read them (the system administrator not);
unit staff open their own unit's breakdown, a county office its county's and its county's
units'. A county's page is named by one of its units (its 人民政府 in links), so the
default unit (州教育局, a prefecture unit) names no county: 404."""

from tests.permission_expectations import Row, row

# fmt: off
#                                      anon off  lia  rev  cty  lea  sys  out
PAGES: dict[str, Row] = {
    "assessment:schemes":         row("log  200  200  200  200  200  403  200", foreign=None,
                                      why="each sees its organisation's schemes; staff find "
                                          "their own score there"),
    "assessment:scheme":          row("log  200  403  403  403  200  403  404"),
    "assessment:indicator_add":   row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = the office may, the empty form refused"),
    "assessment:indicator_edit":  row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = the office may, the empty form refused"),
    "assessment:indicator_delete":
                                  row("log  rdr  403  403  403  403  403  404", method="post",
                                      why="POST: the office, while the scheme is a draft"),
    "assessment:adjustment_add":  row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = the office may, the empty form refused"),
    "assessment:publish":         row("log  rdr  403  403  403  403  403  404", method="post",
                                      why="POST only: the office freezes the scores"),
    "assessment:ranking":         row("log  200  403  403  403  200  403  404"),
    "assessment:ranking_export":  row("log  200  403  403  403  200  403  404"),
    "assessment:unit_score":      row("log  200  200  403  403  200  403  404",
                                      why="州教育局's breakdown: its own liaison may read it"),
    "assessment:unit_score@county_unit":
                                  row("log  200  403  403  200  200  403  404",
                                      use={"unit_id": "county_government"},
                                      why="甲县人民政府's breakdown: the 甲县 office reads it"),
    "assessment:county_score":    row("log  404  404  404  404  404  403  404",
                                      why="州教育局 lies in no county"),
    "assessment:county_score@county_unit":
                                  row("log  200  403  403  200  200  403  404",
                                      use={"unit_id": "county_government"},
                                      why="甲县's score, named by 甲县人民政府"),
    "assessment:adjustment_delete":
                                  row("log  rdr  403  403  403  403  403  404", method="post",
                                      why="POST only, the office, while the scheme is a draft"),
    "assessment:adjustment_evidence":
                                  row("log  404  403  403  403  404  403  404",
                                      why="readers of the scheme; this item has no file: 404"),
}
# fmt: on
