"""The predicates every app's rules are made of, defined once (as adhocracy4 shares its
own): who a person is (their role), and where an object stands for them, read from the
object's declared scope (accounts/scoping.py). Each app's rules.py combines these;
views, templates and the API ask ``user.has_perm(name, obj)``, and list pages start from
``Model.objects.for_user(user)``, which applies ``in_scope`` to a whole queryset."""

import rules

from taizhang.accounts.models import Role


def _role(role):
    @rules.predicate(name=f"has_role_{role}")
    def check(user):
        return getattr(user, "role", None) == role

    return check


is_office_admin = _role(Role.OFFICE_ADMIN)
is_liaison = _role(Role.LIAISON)
is_reviewer = _role(Role.REVIEWER)
is_county_office = _role(Role.COUNTY_OFFICE)
is_leader = _role(Role.LEADER)
is_system_admin = _role(Role.SYSTEM_ADMIN)
is_unit_staff = is_liaison | is_reviewer
is_org_wide_reader = is_office_admin | is_leader


def _scope(obj):
    return getattr(type(obj), "scope", None)


@rules.predicate
def in_organisation(user, obj):
    """The object belongs to the person's organisation (by its model's declared scope;
    an Organisation is its own)."""
    if obj is None or not getattr(user, "organisation_id", None):
        return False
    scope = _scope(obj)
    if scope is None:
        raise TypeError(f"{type(obj).__name__} declares no scope")
    return scope.organisation_id(obj) == user.organisation_id


@rules.predicate
def of_own_unit(user, obj):
    """The object reaches the person's unit (their own reports, their unit's measures)."""
    scope = _scope(obj)
    return bool(obj is not None and user.unit_id and scope.reaches(obj, scope.units, user.unit_id))


@rules.predicate
def of_own_county(user, obj):
    """The object reaches the person's county (a county office's units and plans)."""
    scope = _scope(obj)
    return bool(
        obj is not None and user.region_id and scope.reaches(obj, scope.regions, user.region_id)
    )


@rules.predicate
def led_by_own_unit(user, obj):
    """The object is on a measure the person's unit leads."""
    return obj is not None and _scope(obj).led_by(obj, user.unit_id)


# Who sees an object: what Model.objects.for_user(user) applies to a list. The system
# administrator has no organisation and sees no organisation's rows.
in_scope = in_organisation & (
    is_org_wide_reader
    | (is_unit_staff & of_own_unit)
    | (is_reviewer & led_by_own_unit)
    | (is_county_office & of_own_county)
)
