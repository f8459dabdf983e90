"""Who may decide what the public sees: the coordinating office of the plan's own
organisation. Reading the public pages needs no permission at all."""

import rules

from taizhang.accounts.predicates import in_organisation, is_office_admin

rules.add_perm("public.manage_publications", is_office_admin)
rules.add_perm("public.change_publication", is_office_admin & in_organisation)
