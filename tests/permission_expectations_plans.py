"""Permission-matrix rows for the office's corrections of the ledger and the undoing of
plans (plans/edit_urls.py); see tests/permission_expectations.py for the columns.

archived_plan is an archived plan of the organisation (hidden from every list: only its
restore URL finds it)."""

from tests.permission_expectations import Row, row

EMPTY = "POST {}: 400 = the office may, the form without a reason refused"

# fmt: off
#                                      anon off  lia  rev  cty  lea  sys  out
PAGES: dict[str, Row] = {
    "editing:archived_plans":     row("log  200  403  403  200  403  403  200", foreign=None,
                                      why="each office its own archived plans"),
    "editing:archived_measures":  row("log  200  403  403  403  403  403  404"),
    "editing:measure_add":        row("log  200  403  403  403  403  403  404",
                                      why="the office adds measures; nobody else"),
    "editing:measure_add@post":   row("log  400  403  403  403  403  403  404", method="post",
                                      why=EMPTY),
    "editing:measure_edit":       row("log  200  403  403  403  403  403  404"),
    "editing:measure_edit@post":  row("log  400  403  403  403  403  403  404", method="post",
                                      why=EMPTY),
    "editing:measure_units":      row("log  200  403  403  403  403  403  404"),
    "editing:measure_units@post": row("log  400  403  403  403  403  403  404", method="post",
                                      why=EMPTY),
    "editing:measure_move":       row("log  200  403  403  403  403  403  404"),
    "editing:measure_archive":    row("log  200  403  403  403  403  403  404"),
    "editing:measure_archive@post":
                                  row("log  400  403  403  403  403  403  404", method="post",
                                      why=EMPTY),
    "editing:measure_restore":    row("log  200  403  403  403  403  403  404"),
    "editing:plan_archive":       row("log  200  403  403  403  403  403  404"),
    "editing:plan_archive@post":  row("log  400  403  403  403  403  403  404", method="post",
                                      why=EMPTY),
    "editing:plan_delete":        row("log  200  403  403  403  403  403  404"),
    "editing:plan_delete@post":   row("log  400  403  403  403  403  403  404", method="post",
                                      why=EMPTY),
    "editing:plan_restore":       row("log  404  404  404  404  404  403  404", method="post",
                                      why="POST: only an archived plan (sysadmin: no plans)"),
    "editing:plan_restore@archived":
                                  row("log  rdr  403  403  403  403  403  404", method="post",
                                      use={"plan_id": "archived_plan"},
                                      why="POST {}: back to the archive with the refusal"),
}
# fmt: on

# fmt: off
#                                      anon off  lia  rev  cty  lea  sys  out
PAGES["plans:import_as_revision"] = row("log  rdr  403  403  403  403  403  404", method="post",
                                        why="POST: the office turns its upload into a "
                                            "revision, back to the preview")
# fmt: on
