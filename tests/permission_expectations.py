"""Who gets what from every URL of the platform: the table tests/test_permission_matrix.py
checks, one row per URL name.

Columns are the roles of the `world` fixture plus anonymous:
  anon  not signed in              cty  the 甲县 county office
  off   the office admin           lea  a leader (reads everything, changes nothing)
  lia   the liaison of 州教育局     sys  the system administrator (staff, no organisation;
                                        it sees no plan data: every plan page is 403)
  rev   the reviewer of 州司法局, lead unit of measure 1
  out   the office admin of another organisation (the outsider)
A cell is an HTTP status or
  log   302 to the login page (the API answers 401; the admin sends to its own login)
  rdr   302 somewhere else, by design

The objects behind the URL kwargs (test_permission_matrix.OBJECTS):
  plan_id the organisation's plan; measure_id measure 1 (司法局 leads, 教育局 and 甲县人民政府
  carry it); unit_id 州教育局; report_id 教育局's submitted report on measure 1, with
  evidence_id one of its files; assignment_id 教育局's assignment on measure 1; period_id
  the plan's period; import_id a PlanImport staged by the office; collective_id a
  collective. A row may be repeated for other objects ("name@variant", `use` naming them)
  where a rule is worth showing, e.g. measure 2, which only 州公安局 carries.

Each row with object kwargs is also requested with the other organisation's objects by the
five people of the first organisation (off lia rev cty lea): 404, nobody learns what
another organisation holds, unless `foreign` says otherwise. Office-only pages refuse
other roles before looking anything up, so those see 403 whatever the id.

GET unless a row says otherwise. POST rows are safe to send: each test runs in its own
transaction, rolled back afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("anonymous", "office", "liaison", "reviewer", "county", "leader", "sysadmin", "outsider")
ORGANISATION_ROLES = ("office", "liaison", "reviewer", "county", "leader")

LOGIN = "log"
REDIRECT = "rdr"
ALL_404 = "404 404 404 404 404"
OFFICE_ONLY = "404 403 403 403 403"  # the role check comes before the lookup
IMPORTERS_ONLY = "404 403 403 404 403"  # imports and periods: offices, county offices


@dataclass(frozen=True)
class Row:
    expected: dict[str, int | str]
    method: str = "get"
    data: dict = field(default_factory=dict)
    use: dict[str, str] = field(default_factory=dict)  # kwarg -> object name (variants)
    foreign: dict[str, int | str] | None = None  # None: no request with foreign objects
    why: str = ""


def _cells(text: str, roles) -> dict[str, int | str]:
    cells = [cell if cell in (LOGIN, REDIRECT) else int(cell) for cell in text.split()]
    assert len(cells) == len(roles), text
    return dict(zip(roles, cells, strict=True))


def row(cells: str, method="get", data=None, use=None, foreign=ALL_404, why="") -> Row:
    return Row(
        _cells(cells, ROLES),
        method,
        data or {},
        use or {},
        _cells(foreign, ORGANISATION_ROLES) if foreign else None,
        why,
    )


# fmt: off
#                                      anon off  lia  rev  cty  lea  sys  out
PAGES = {
    "home":                       row("rdr  rdr  rdr  rdr  rdr  rdr  rdr  rdr",
                                      why="to the to-do page, which asks for the login"),
    # accounts
    "accounts:login":             row("200  rdr  rdr  rdr  rdr  rdr  rdr  rdr",
                                      why="signed-in people go on to their to-do page"),
    "accounts:logout":            row("log  log  log  log  log  log  log  log", method="post",
                                      why="POST only (GET is 405); back to the login page"),
    # workspace
    "workspace:todo":             row("log  200  200  200  200  200  rdr  200"),
    "workspace:filing_sheet":     row("log  403  200  200  200  403  403  403", foreign=None,
                                      why="批量填报: unit staff and county offices file"),
    "workspace:filing_upload":    row("log  403  200  200  200  403  403  403", foreign=None),
    "workspace:filing_confirm":   row("log  403  403  403  403  403  403  403", "post",
                                      foreign=None, why="no preview's mode and token posted"),
    # plans: the ledger
    "ledger:list":                 row("log  200  200  200  200  200  403  200", foreign=None,
                                      why="each lists the plans it may see (outsider: its own)"),
    "ledger:ledger":               row("log  200  200  200  200  200  403  404"),
    "ledger:export":               row("log  200  200  200  200  200  403  404"),
    "ledger:adhoc_new":            row("log  200  403  403  403  403  403  404",
                                      why="the office adds 督办事项 (领导批示, 会议议定事项)"),
    "ledger:adhoc_new@post":       row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = permitted, the empty form refused"),
    "ledger:measure":              row("log  200  200  200  200  200  403  404"),
    "ledger:measure@second":       row("log  200  403  403  403  200  403  404",
                                      use={"measure_id": "second"},
                                      why="measure 2 is carried by 州公安局 alone"),
    "ledger:responsibilities":     row("log  200  200  403  403  200  403  404",
                                      why="unit staff open their own unit's list only"),
    "ledger:responsibilities@county_unit":
                                  row("log  200  403  403  200  200  403  404",
                                      use={"unit_id": "county_government"},
                                      why="a county office opens its county's units' lists"),
    "ledger:responsibilities@uncarried_plan":
                                  row("log  200  403  403  403  200  403  404",
                                      use={"plan_id": "uncarried_plan"},
                                      why="as with the ledger: a plan the unit has no part in"),
    "ledger:my_current_responsibilities":
                                  row("log  rdr  rdr  rdr  rdr  rdr  403  rdr",
                                      why="to the newest plan the person sees, else the list"),
    "ledger:my_responsibilities":  row("log  rdr  rdr  rdr  rdr  rdr  403  404",
                                      why="staff to their unit's list, others to the ledger"),
    # plans: import, the organisation's office only
    "plans:import":               row("log  200  403  403  200  403  403  200", foreign=None,
                                      why="the outsider is an office too: its own uploads; "
                                          "a county office imports its own county's plan"),
    "plans:import_preview":       row("log  200  403  403  403  403  403  404",
                                      foreign=IMPORTERS_ONLY,
                                      why="the office's upload for the prefecture: not the "
                                          "county office's"),
    "plans:import_preview@county_import":
                                  row("log  200  403  403  200  403  403  404",
                                      use={"import_id": "county_import"},
                                      why="the county office's upload of its own plan"),
    "plans:import_abandon":       row("log  rdr  403  403  403  403  403  404", method="post",
                                      foreign=IMPORTERS_ONLY,
                                      why="POST: the office drops its upload"),
    "plans:import_revise":        row("log  200  403  403  403  403  403  404",
                                      foreign=IMPORTERS_ONLY),
    "plans:import_revise@county_plan":
                                  row("log  403  403  403  200  403  403  404",
                                      use={"plan_id": "county_plan"},
                                      why="a county's plan is its county office's to revise; "
                                          "the prefecture office reads it"),
    # plans: correcting the parse in the preview, the office only
    "plans:import_measure":       row("log  rdr  403  403  403  403  403  404",
                                      foreign=IMPORTERS_ONLY, why="no ?key=: back to the preview"),
    "plans:import_source":        row("log  200  403  403  403  403  403  404",
                                      foreign=IMPORTERS_ONLY),
    **{
        f"plans:import_{name}": row("log  rdr  403  403  403  403  403  404", method="post",
                                    foreign=IMPORTERS_ONLY,
                                    why="POST: a correction; nothing posted, back to the preview")
        for name in ("split", "merge", "not_measure", "units", "deadline", "targets",
                     "make_measure", "undo", "adopt")
    },
    # units directory: the office changes it; leaders read it; a county office keeps its
    # own county's units (not the prefecture's, nor what collectives mean, nor merges)
    "directory:directory":            row("log  200  403  403  200  200  403  200", foreign=None,
                                      why="a county office lists its county's units only"),
    "directory:unit_create":          row("log  200  403  403  200  403  403  200", foreign=None,
                                      why="the system admin has no organisation to add to"),
    "directory:unit":                 row("log  200  403  403  403  200  403  404",
                                      why="the office's directory; staff read units by API"),
    "directory:unit@county_unit":     row("log  200  403  403  200  200  403  404",
                                      use={"unit_id": "county_government"},
                                      why="a county office opens its county's units"),
    "directory:unit_update":      row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = the office may, the empty form refused"),
    "directory:unit_update@county_unit":
                                  row("log  400  403  403  400  403  403  404", method="post",
                                      use={"unit_id": "county_government"},
                                      why="a county office edits its county's units"),
    "directory:unit_rename":      row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = the office may, the empty form refused"),
    "directory:unit_rename@county_unit":
                                  row("log  400  403  403  400  403  403  404", method="post",
                                      use={"unit_id": "county_government"},
                                      why="a county office corrects its county's units' names"),
    "directory:unit_alias":       row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = the office may, the empty form refused"),
    "directory:unit_alias@county_unit":
                                  row("log  400  403  403  400  403  403  404", method="post",
                                      use={"unit_id": "county_government"},
                                      why="a county office names its county's units"),
    "directory:unit_merge":           row("log  200  403  403  403  403  403  404"),
    "directory:unit_merge@county_unit":
                                  row("log  200  403  403  403  403  403  404",
                                      use={"unit_id": "county_government"},
                                      why="a merge moves work across every plan: the office's"),
    "directory:collectives":          row("log  200  403  403  403  200  403  200", foreign=None),
    "directory:collective":           row("log  200  403  403  403  200  403  404"),
    # reporting: periods, set by the office
    "reporting:periods":          row("log  200  403  403  200  403  403  200", foreign=None,
                                      why="the page creates periods: the offices' (a county "
                                          "office's for its own plans)"),
    "reporting:period_year":      row("log  400  403  403  400  403  403  400", method="post",
                                      foreign=None,
                                      why="POST {}: 400 = an office may, the empty form refused"),
    "reporting:period_edit":      row("log  200  403  403  403  403  403  404",
                                      foreign=IMPORTERS_ONLY),
    "reporting:period_edit@county_period":
                                  row("log  403  403  403  200  403  403  404",
                                      use={"period_id": "county_period"},
                                      why="a county plan's periods are its county office's"),
    # reporting: reports
    "reporting:report":           row("log  200  200  200  403  200  403  404",
                                      why="the form page; read-only but to the filing unit"),
    "reporting:report_detail":    row("log  200  200  200  403  200  403  404"),
    "reporting:report_detail@county_report":
                                  row("log  200  403  200  200  200  403  404",
                                      use={"report_id": "county_report"},
                                      why="甲县人民政府's report: its county and the lead unit"),
    "reporting:report_detail@lead_report":
                                  row("log  200  403  403  403  200  403  404",
                                      use={"report_id": "lead_report"},
                                      why="州公安局's report as lead unit of measure 2"),
    "reporting:report_versions":  row("log  200  200  200  403  200  403  404"),
    "reporting:review":           row("log  200  403  200  403  403  403  404",
                                      why="the lead unit and the office; never the sysadmin"),
    "reporting:review@lead_report":
                                  row("log  200  403  403  403  403  403  404",
                                      use={"report_id": "lead_report"},
                                      why="a lead unit's own report is the office's to review"),
    "reporting:highlight":        row("log  rdr  403  403  403  403  403  404",
                                      method="post", data={"highlight": "1"},
                                      why="POST only: the office marks a typical practice"),
    "reporting:evidence":         row("log  200  200  200  403  200  403  404"),
    # 办结 and 销号 (reporting/closing.py); closure_id is 州司法局's application on measure 1,
    # waiting for 销号, with a PDF
    "reporting:closure":          row("log  200  200  200  200  200  403  404",
                                      why="whoever sees the measure"),
    "reporting:closure_apply":    row("log  403  403  400  403  403  403  404", method="post",
                                      why="the lead unit (州司法局); 400: one already waits"),
    "reporting:closure_confirm":  row("log  rdr  403  403  403  403  403  404", method="post",
                                      why="the office's 销号, back to the closure page"),
    "reporting:closure_return":   row("log  400  403  403  403  403  403  404", method="post",
                                      why="POST {}: 400 = permitted, a comment is required"),
    "reporting:closure_reopen":   row("log  400  403  403  403  403  403  404", method="post",
                                      why="400 = permitted, refused: the measure is not closed"),
    "reporting:closure_file":     row("log  200  200  200  200  200  403  404"),
    "reporting:withdraw":         row("log  403  rdr  403  403  403  403  404", method="post",
                                      why="POST {}: the filing unit only (rdr: the empty form "
                                          "refused with a message)"),
    "reporting:reopen":           row("log  rdr  403  403  403  403  403  404", method="post",
                                      why="POST {}: the office that runs the plan undoes an "
                                          "acceptance (rdr: the empty form refused with a "
                                          "message)"),
    "reporting:carry_over":       row("log  403  403  403  403  403  403  404", method="post",
                                      why="POST {}: 沿用上期 is the filing unit's, and only while "
                                          "the report is open (this one is submitted)"),
    "reporting:review_batch":     row("log  rdr  403  rdr  rdr  403  403  rdr", method="post",
                                      foreign=None,
                                      why="POST {}: whoever reviews; each report checked again"),
    "exemptions:request":         row("log  403  rdr  403  403  403  403  404", method="post",
                                      why="POST {}: the unit's own (rdr: the empty reason "
                                          "refused with a message)"),
    "exemptions:decide":          row("log  rdr  403  403  403  403  403  404", method="post",
                                      why="POST {}: the office decides (rdr: the empty form "
                                          "refused with a message)"),
    "reporting:extension_request":
                                  row("log  403  rdr  403  403  403  403  404", method="post",
                                      why="POST {}: the filing unit asks (rdr: the empty form "
                                          "refused with a message)"),
    "reporting:extension_decide": row("log  rdr  403  403  403  403  403  404", method="post",
                                      why="POST {}: the office decides"),
    "reporting:extension_file":   row("log  200  200  403  403  200  403  404",
                                      why="the evidence of a 延期申请: the office deciding it, "
                                          "the unit that asked, readers in scope"),
    "reporting:review_backlog":   row("log  200  403  403  403  403  403  200", foreign=None,
                                      why="the office's backlog (the outsider: its own)"),
    # audit log
    "audit:log":                  row("log  200  403  403  403  403  200  200", foreign=None,
                                      why="the outsider sees its own organisation's entries"),
    "audit:log_export":           row("log  200  403  403  403  403  200  200", foreign=None),
}

API = {
    "api:token":                  row("405  405  405  405  405  405  405  405", foreign=None,
                                      why="POST only (credentials): GET refused for all"),
    "api:schema":                 row("200  200  200  200  200  200  200  200", foreign=None,
                                      why="the OpenAPI description is public; no data in it"),
    "api:plan-list":              row("log  200  200  200  200  200  403  200", foreign=None),
    "api:plan-detail":            row("log  200  200  200  200  200  403  404"),
    "api:plan-progress":          row("log  200  200  200  200  200  403  404",
                                      why="the plan's figures, for whoever may see the plan"),
    "api:period-list":            row("log  200  200  200  200  200  403  200", foreign=None),
    "api:period-detail":          row("log  200  200  200  200  200  403  404"),
    "api:measure-list":           row("log  200  200  200  200  200  403  200", foreign=None),
    "api:measure-detail":         row("log  200  200  200  200  200  403  404"),
    "api:measure-detail@second":  row("log  200  403  403  403  200  403  404",
                                      use={"measure_id": "second"}),
    "api:unit-list":              row("log  200  200  200  200  200  403  200", foreign=None),
    "api:unit-detail":            row("log  200  200  403  403  200  403  404",
                                      why="the directory's readers and the unit's own staff"),
    "api:report-list":            row("log  200  200  200  200  200  403  200", foreign=None),
    "api:report-detail":          row("log  200  200  200  403  200  403  404"),
    "api:report-submit":          row("log  403  409  403  403  403  403  404", method="post",
                                      why="POST {} to a submitted report: its unit gets 409 "
                                          "(state), nobody else may ever submit it"),
    "api:report-review":          row("log  400  403  400  403  403  403  404", method="post",
                                      why="POST {}: 400 = permitted, empty input refused"),
    "api:evidence-download":      row("log  200  200  200  403  200  403  404"),
    "api:not-found":              row("404  404  404  404  404  404  404  404", foreign=None,
                                      why="any other /api/ address: a JSON 404 for everyone"),
}


# The Django admin is the system administrator's (is_staff) alone: everyone else, signed
# in or not, is sent to the admin's login page.
def _admin(sysadmin: str, why: str = "") -> Row:
    return row(f"log  log  log  log  log  log  {sysadmin}  log", foreign=None, why=why)


def _admin_model(key: str, add="200", delete="200", change="200", why="") -> dict[str, Row]:
    """The five pages of a registered model; read-only models refuse add/delete (403)."""
    return {
        f"admin:{key}_changelist": _admin("200"),
        f"admin:{key}_add": _admin(add),
        f"admin:{key}_change": _admin(change, why),
        f"admin:{key}_history": _admin(change, why),
        f"admin:{key}_delete": _admin(delete),
    }


ADMIN = {
    "admin:index":                _admin("200"),
    "admin:app_list":             _admin("200"),
    "admin:login":                row("200  200  200  200  200  200  rdr  200", foreign=None,
                                      why="non-staff see the form; staff go to the index"),
    "admin:logout":               row("rdr  rdr  rdr  rdr  rdr  rdr  rdr  rdr", method="post",
                                      foreign=None,
                                      why="POST only; non-staff to the admin index, staff "
                                          "logged out to the platform's login page"),
    "admin:password_change":      _admin("200"),
    "admin:password_change_done": _admin("200"),
    "admin:autocomplete":         _admin("403", why="no autocomplete fields configured"),
    "admin:jsi18n":               _admin("200"),
    "admin:view_on_site":         _admin("404", why="no admin model has get_absolute_url"),
    **_admin_model("auth_group"),
    **_admin_model("api_apitoken", add="403"),
    **_admin_model("audit_auditentry", add="403", delete="403", change="rdr",
                   why="the entry is about plan content: not the system admin's to read"),
    **_admin_model("web_failedsignin", add="403"),
    **_admin_model("web_signin", add="403", delete="403"),
}
# fmt: on

# Supervision, assessment and dashboards keep their rows in modules of their own.
from tests.permission_expectations_annual_reports import PAGES as ANNUAL_REPORTS  # noqa: E402
from tests.permission_expectations_assessment import PAGES as ASSESSMENT  # noqa: E402
from tests.permission_expectations_dashboards import PAGES as DASHBOARDS  # noqa: E402
from tests.permission_expectations_nesting import PAGES as NESTING  # noqa: E402
from tests.permission_expectations_people import PAGES as PEOPLE  # noqa: E402
from tests.permission_expectations_plans import PAGES as PLANS  # noqa: E402
from tests.permission_expectations_public import PAGES as PUBLIC  # noqa: E402
from tests.permission_expectations_supervision import PAGES as SUPERVISION  # noqa: E402
from tests.permission_expectations_surveys import PAGES as SURVEYS  # noqa: E402

EXPECTATIONS: dict[str, Row] = {
    **PAGES,
    **API,
    **ADMIN,
    **SUPERVISION,
    **ASSESSMENT,
    **DASHBOARDS,
    **SURVEYS,
    **ANNUAL_REPORTS,
    **PUBLIC,
    **PEOPLE,
    **PLANS,
    **NESTING,
}


def url_name(key: str) -> str:
    """The URL name of a row key ("ledger:measure@second" -> "ledger:measure")."""
    return key.split("@", 1)[0]
