"""Who may open a unit's responsibility list (责任清单). Object checks take a Unit: the office
and leaders any unit of the organisation, a county office its county's units, a unit's
staff their own (the unit's declared scope)."""

import rules

from taizhang.accounts.predicates import in_scope

rules.add_perm("ledger.view_responsibilities", in_scope)
