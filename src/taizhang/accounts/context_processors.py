"""What the main menu offers a person.

The menu asks the rules themselves (``rules.has_perm``), not ``user.has_perm``: Django lets
a superuser pass every ``has_perm``, and the system administrator must not be offered the
office's work (importing plans, setting periods) any more than the pages allow it."""

import rules

MENU = {
    "units": "units.view_directory",
    "import_plan": "plans.import_plan",
    "periods": "reporting.manage_periods",
    "audit": "accounts.view_audit_log",
    "people": "people.manage_people",
    "delivery_log": "notifications.view_delivery_log",
    # the board and the dashboards have one audience: office, leaders, system admin
    "supervision": "dashboards.view_dashboards",
    "dashboards": "dashboards.view_dashboards",
    "surveys": "surveys.view_surveys",
}


def menu(request):
    user = request.user
    if not user.is_authenticated:
        return {}
    may = {item: rules.has_perm(permission, user) for item, permission in MENU.items()}
    may["own_unit"] = user.unit_id is not None
    return {"menu": may}
