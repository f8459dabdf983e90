"""Who may build surveys and read their results. Object checks take a Survey.

The office builds and runs questionnaires; leaders read the results; the system
administrator reads everything and changes nothing. Answering a survey needs no rule: the
public link is open to everyone while the survey collects."""

import rules

from taizhang.accounts.predicates import (
    in_organisation,
    is_office_admin,
    is_org_wide_reader,
)

rules.add_perm("surveys.view_surveys", is_org_wide_reader)
rules.add_perm("surveys.create_survey", is_office_admin)
rules.add_perm("surveys.view_survey", in_organisation & is_org_wide_reader)
rules.add_perm("surveys.change_survey", is_office_admin & in_organisation)
