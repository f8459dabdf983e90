"""Who may open the dashboards: the coordinating office and the organisation's leaders,
and the system administrator (read-only, every organisation). Object checks take a Plan."""

import rules

from taizhang.accounts.predicates import is_leader, is_office_admin, is_system_admin
from taizhang.plans.rules import in_organisation

may_open_dashboards = is_office_admin | is_leader | is_system_admin

rules.add_perm("dashboards.view_dashboards", may_open_dashboards)
rules.add_perm(
    "dashboards.view_plan_dashboard",
    is_system_admin | ((is_office_admin | is_leader) & in_organisation),
)
