"""Who may open the dashboards: the coordinating office and the organisation's leaders,
and the system administrator (read-only, every organisation). Object checks take a Plan."""

import rules

from taizhang.accounts.predicates import in_organisation, is_org_wide_reader

rules.add_perm("dashboards.view_dashboards", is_org_wide_reader)
rules.add_perm("dashboards.view_plan_dashboard", is_org_wide_reader & in_organisation)
