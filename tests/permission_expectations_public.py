"""Permission-matrix rows for the public app's URLs (see tests/permission_expectations.py
for the columns and cell codes)."""

from tests.permission_expectations import OFFICE_ONLY, Row, row

# The matrix publishes each organisation's plan (test_permission_matrix._public_objects).
PUBLIC_TO_ALL = "200 200 200 200 200"

# fmt: off
#                                      anon off  lia  rev  cty  lea  sys  out
PAGES: dict[str, Row] = {
    "public:index":               row("200  200  200  200  200  200  200  200", foreign=None,
                                      why="the public list of published plans: no login"),
    "public:plan":                row("200  200  200  200  200  200  200  200",
                                      foreign=PUBLIC_TO_ALL,
                                      why="a published plan is public, whoever's it is"),
    "public:settings":            row("log  200  403  403  403  403  403  404",
                                      foreign=OFFICE_ONLY,
                                      why="the organisation's office decides what is public"),
    "public:settings@post":       row("log  rdr  403  403  403  403  403  404", method="post",
                                      data={"published": "on", "show_text": "on"},
                                      foreign=OFFICE_ONLY,
                                      why="POST: saved, back to the settings page"),
}
# fmt: on
