"""Permission-matrix rows for account management, messages and background jobs (see
tests/permission_expectations.py for the columns and cell codes).

Objects: user_id 州教育局's liaison (a variant: the office administrator; another: a
liaison of 甲县人民政府, in the county office's reach); organisation_id the organisation;
delivery_id the liaison's message (in the message centre); job_id a finished export of
the office's."""

from tests.permission_expectations import OFFICE_ONLY, Row, row

PEOPLE_ONLY = "404 403 403 404 403"  # the office and county offices look up; others refused
ROLE_FIRST = "403 403 403 403 403"

# fmt: off
#                                      anon off  lia  rev  cty  lea  sys  out
PAGES: dict[str, Row] = {
    "people:password_change":     row("log  200  200  200  200  200  200  200", foreign=None),
    "people:people":              row("log  200  403  403  200  403  200  200", foreign=None,
                                      why="each lists the accounts it runs"),
    "people:person_create":       row("log  200  403  403  200  403  404  200", foreign=None,
                                      why="the system admin names the organisation (?org=)"),
    "people:roster_import":       row("log  200  403  403  200  403  403  200", foreign=None),
    "people:roster_template":     row("log  200  403  403  200  403  403  200", foreign=None),
    "people:person":              row("log  200  403  403  404  403  404  404",
                                      foreign=PEOPLE_ONLY,
                                      why="a liaison of a prefecture unit: the office's"),
    "people:person@county_person":
                                  row("log  200  403  403  200  403  404  404",
                                      use={"user_id": "county_person"},
                                      why="a liaison of 甲县人民政府: its county office too"),
    "people:person@office_admin": row("log  200  403  403  404  403  200  404",
                                      use={"user_id": "office_admin"},
                                      why="office administrators: the system admin too"),
    "people:person_reset":        row("log  200  403  403  404  403  404  404", method="post",
                                      foreign=PEOPLE_ONLY,
                                      why="POST: the one-time password page"),
    "people:person_unlock":       row("log  rdr  403  403  404  403  404  404", method="post",
                                      foreign=PEOPLE_ONLY),
    "people:person_deactivate":   row("log  rdr  403  403  404  403  404  404", method="post",
                                      data={"reason": "人员调动"}, foreign=PEOPLE_ONLY),
    "people:person_reactivate":   row("log  rdr  403  403  404  403  404  404", method="post",
                                      data={"reason": "返岗"}, foreign=PEOPLE_ONLY),
    "people:organisations":       row("log  403  403  403  403  403  200  403", foreign=None,
                                      why="the system administrator's alone"),
    "people:organisation":        row("log  403  403  403  403  403  200  403",
                                      foreign=ROLE_FIRST),
    # messages: everyone's own
    "notifications:messages":     row("log  200  200  200  200  200  200  200", foreign=None),
    "notifications:message_open": row("log  404  rdr  404  404  404  404  404",
                                      why="one's own message only: on to what it is about"),
    "notifications:read_all":     row("log  rdr  rdr  rdr  rdr  rdr  rdr  rdr", method="post",
                                      foreign=None),
    "notifications:preferences":  row("log  200  200  200  200  200  200  200", foreign=None),
    "notifications:log":          row("log  200  403  403  403  403  403  200", foreign=None,
                                      why="the office's delivery log"),
    "notifications:resend":       row("log  rdr  403  403  403  403  403  404", method="post",
                                      foreign=OFFICE_ONLY,
                                      why="POST: back to the log (a message-centre copy "
                                          "needs no resending: said there)"),
    "notifications:channels":     row("log  200  403  403  403  403  403  200", foreign=None),
    "notifications:robot":        row("log  200  403  403  403  403  403  404",
                                      foreign=OFFICE_ONLY),
    # background jobs: the person who started one
    "jobs:job":                   row("log  200  404  404  404  404  404  404"),
    "jobs:download":              row("log  200  404  404  404  404  404  404"),
    "jobs:audit_export":          row("log  rdr  403  403  403  403  rdr  rdr",
                                      why="whoever reads the audit log: a job, then its page"),
}
# fmt: on
