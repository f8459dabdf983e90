"""Permission-matrix rows for the surveys app's URLs (see tests/permission_expectations.py
for the columns and cell codes).

The office builds and runs questionnaires; leaders read them and their results (the
system administrator not); unit staff and county offices have no part in them. The public
link (by the survey's token) and its thanks page are open to everyone, signed in or not,
whatever their organisation: the survey behind them is open."""

from tests.permission_expectations import Row, row

# fmt: off
#                                      anon off  lia  rev  cty  lea  sys  out
PAGES: dict[str, Row] = {
    "surveys:list":               row("log  200  403  403  403  200  403  200", foreign=None,
                                      why="each reader lists its own organisation's surveys"),
    "surveys:survey":             row("log  200  403  403  403  200  403  404"),
    "surveys:edit":               row("log  200  403  403  403  403  403  404"),
    "surveys:question_add":       row("log  rdr  403  403  403  403  403  404",
                                      why="GET goes back to the form on the survey page"),
    "surveys:question":           row("log  200  403  403  403  403  403  404"),
    "surveys:question_move":      row("log  rdr  403  403  403  403  403  404", method="post",
                                      data={"direction": "down"}, why="POST only"),
    "surveys:question_delete":    row("log  rdr  403  403  403  403  403  404", method="post",
                                      why="POST only, while nobody has answered"),
    "surveys:quotas":             row("log  rdr  403  403  403  403  403  404", method="post",
                                      why="POST only"),
    "surveys:state":              row("log  rdr  403  403  403  403  403  404", method="post",
                                      data={"state": "closed"}, why="POST only"),
    "surveys:poster":             row("log  200  403  403  403  200  403  404"),
    "surveys:preview":            row("log  200  403  403  403  200  403  404"),
    "surveys:results":            row("log  200  403  403  403  200  403  404"),
    "surveys:export":             row("log  200  403  403  403  200  403  404"),
    "surveys:texts":              row("log  200  403  403  403  200  403  404"),
    "surveys:answer":             row("200  200  200  200  200  200  200  200", foreign=None,
                                      why="the public questionnaire: no login"),
    "surveys:thanks":             row("200  200  200  200  200  200  200  200", foreign=None),
}
# fmt: on
