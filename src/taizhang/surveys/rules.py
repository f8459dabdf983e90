"""Who may build surveys and read their results. Object checks take a Survey.

The office builds and runs questionnaires; leaders read the results; the system
administrator reads everything and changes nothing. Views ask the rules themselves
(access.may), not user.has_perm: Django lets a superuser pass every has_perm. Answering a
survey needs no rule: the public link is open to everyone while the survey collects."""

import rules

from taizhang.accounts.predicates import is_leader, is_office_admin, is_system_admin


@rules.predicate
def in_organisation(user, survey):
    return survey is not None and survey.organisation_id == user.organisation_id


readers = is_office_admin | is_leader

rules.add_perm("surveys.view_surveys", is_system_admin | readers)
rules.add_perm("surveys.create_survey", is_office_admin)
rules.add_perm("surveys.view_survey", is_system_admin | (in_organisation & readers))
rules.add_perm("surveys.change_survey", is_office_admin & in_organisation)
