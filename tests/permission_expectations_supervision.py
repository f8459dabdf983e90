"""Permission-matrix rows for the supervision app's URLs (see tests/permission_expectations.py
for the columns and cell codes)."""

from tests.permission_expectations import OFFICE_ONLY, Row, row

# -- the board, targets, duties, deadlines and population ----------------------------------
# target_id and duty_id sit on measure 1, which every organisation role may see;
# fulfilment_id is 州教育局's record of that duty (without an evidence file).
# fmt: off
#                                      anon off  lia  rev  cty  lea  sys  out
PAGES: dict[str, Row] = {
    "supervision:board_home":     row("log  200  403  403  rdr  200  403  rdr", foreign=None,
                                      why="a choice of plans; the outsider has one: its board; "
                                          "a county office to its own county plan's board"),
    "supervision:board@county_plan":
                                  row("log  200  403  403  200  200  403  404",
                                      use={"plan_id": "county_plan"},
                                      why="a county office supervises its own plan's units"),
    "supervision:board":          row("log  200  403  403  403  200  403  404",
                                      why="the office and leaders supervise; units do not"),
    "supervision:targets":        row("log  200  200  200  200  200  403  404",
                                      why="whoever may see the plan (rows scoped to measures)"),
    "supervision:targets@uncarried_plan":
                                  row("log  200  403  403  403  200  403  404",
                                      use={"plan_id": "uncarried_plan"}),
    "supervision:target":         row("log  200  200  200  200  200  403  404"),
    "supervision:target_tracking":
                                  row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = the office may, the empty form refused"),
    "supervision:target_reading_add":
                                  row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = the office may, the empty form refused"),
    "supervision:target_reading_delete":
                                  row("log  rdr  403  403  403  403  403  404", method="post",
                                      why="POST: the office alone deletes a reading"),
    "supervision:population":     row("log  200  403  403  403  403  403  200", foreign=None,
                                      why="each office its own regions; no sysadmin"),
    "supervision:duties":         row("log  200  200  200  200  200  403  404"),
    "supervision:duty":           row("log  200  200  200  200  200  403  404"),
    "supervision:duty@post":      row("log  403  400  400  400  403  403  404", method="post",
                                      why="POST {}: 400 = may record (units carrying it), "
                                          "the empty form refused"),
    "supervision:fulfilment_evidence":
                                  row("log  404  404  404  404  404  403  404",
                                      why="readers pass; this record has no file (404)"),
    "supervision:measure_deadline":
                                  row("log  200  403  403  403  403  403  404",
                                      foreign=OFFICE_ONLY),
}
# fmt: on


# -- urging notices (催办通知); notice_id is a notice sent to 州教育局 ----------------------
# fmt: off
#                                      anon off  lia  rev  cty  lea  sys  out
PAGES.update({
    "notices:create":  row("log  200  403  403  403  403  403  404",
                                      foreign="404 403 403 404 403",
                                      why="the office drafts and issues; never the sysadmin "
                                          "(a county office only on its own plan)"),
    "notices:create@county_plan":
                                  row("log  403  403  403  200  403  403  404",
                                      use={"plan_id": "county_plan",
                                           "unit_id": "county_government"},
                                      why="a county office urges its own units on its own plan; "
                                          "the prefecture office reads county plans only"),
    "notices:create@post":
                                  row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = permitted, the empty form refused"),
    "notices:redraft":
                                  row("log  200  403  403  403  403  403  404", method="post",
                                      foreign="404 403 403 404 403",
                                      why="POST: the draft again for another level; saves nothing"),
    "notices:list":        row("log  200  200  200  200  200  403  200", foreign=None,
                                      why="each lists the notices it may see"),
    "notices:detail":         row("log  200  200  403  403  200  403  404",
                                      why="the office, leaders and the unit it was sent to"),
    "notices:document":
                                  row("log  200  200  403  403  200  403  404"),
    "notices:unit":   row("log  200  200  403  403  200  403  404"),
    "notices:unit@county_unit":
                                  row("log  200  403  403  200  200  403  404",
                                      use={"unit_id": "county_government"},
                                      why="a county office reads its county's units' notices"),
    "notices:measure":
                                  row("log  200  200  200  200  200  403  404",
                                      why="whoever sees the measure; staff see their own unit's"),
    "notices:measure@second":
                                  row("log  200  403  403  403  200  403  404",
                                      use={"measure_id": "second"}),
    # The closed loop (notices/handling.py): the unit it was sent to signs and answers; the
    # office closes or sends back. The notice is unsigned and unanswered.
    "notices:sign":   row("log  403  rdr  403  403  403  403  404", method="post",
                                      why="州教育局's liaison signs (back to the notice)"),
    "notices:answer": row("log  403  400  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = permitted, the empty answer refused"),
    "notices:close":  row("log  400  403  403  403  403  403  404", method="post",
                                      why="400 = permitted, refused: nothing answered yet"),
    "notices:send_back":
                                  row("log  400  403  403  403  403  403  404", method="post",
                                      why="400 = permitted, refused: nothing answered yet"),
    "notices:reply_file":
                                  row("log  200  200  403  403  200  403  404",
                                      why="whoever reads the notice"),
})
# fmt: on
