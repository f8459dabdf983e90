"""Permission-matrix rows for the pages of plans that nest (see tests/permission_expectations.py
for the columns and cell codes).

`county_plan` is 甲县's own plan, carrying out the organisation's plan (`plan`, which has no
parent: its links page does not exist). Whoever may see a plan sees its links and coverage;
the links are confirmed by the plan's own office: a county plan's by its county office, never
by the prefecture office, which reads county plans without changing them."""

from tests.permission_expectations import Row, row

# fmt: off
#                                      anon off  lia  rev  cty  lea  sys  out
PAGES: dict[str, Row] = {
    "nesting:links":              row("log  404  404  404  404  404  403  404",
                                      why="the organisation's plan has no parent plan"),
    "nesting:links@county_plan":  row("log  200  403  403  200  200  403  404",
                                      use={"plan_id": "county_plan"},
                                      why="unit staff of the prefecture carry nothing in it"),
    "nesting:links_save":         row("log  rdr  403  403  403  403  403  404", method="post",
                                      why="POST {}: back to the page with the form's message"),
    "nesting:links_save@county_plan":
                                  row("log  403  403  403  rdr  403  403  404", method="post",
                                      use={"plan_id": "county_plan"},
                                      why="only the county office confirms its plan's links"),
    "nesting:coverage":           row("log  200  200  200  200  200  403  404"),
    "nesting:coverage@county_plan":
                                  row("log  200  403  403  200  200  403  404",
                                      use={"plan_id": "county_plan"}),
    "nesting:coverage_export":    row("log  200  200  200  200  200  403  404"),
    # 分解落实: a county office makes its own plan from a plan above the counties
    "nesting:break_down":         row("log  403  403  403  200  403  403  404",
                                      why="only a county office breaks a parent plan down"),
    "nesting:break_down@county_plan":
                                  row("log  403  403  403  403  403  403  404",
                                      use={"plan_id": "county_plan"},
                                      why="a county plan is not broken down again"),
    "nesting:break_down_create":  row("log  403  403  403  400  403  403  404", method="post",
                                      why="POST {}: 400 = the county office may, no title"),
    "nesting:compare":            row("log  200  200  200  200  200  403  200", foreign=None,
                                      why="each chooses among the plans it may see"),
    "nesting:compare_export":     row("log  rdr  rdr  rdr  rdr  rdr  403  rdr", foreign=None,
                                      why="without two plans chosen: back to the page"),
}
# fmt: on
