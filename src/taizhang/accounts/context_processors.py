"""What the main menu offers a person: what the rules let them open (``user.has_perm``,
as the pages themselves ask)."""

from django.utils.functional import SimpleLazyObject

MENU = {
    # the to-do list, plans, notices, annual reports, assessment: not the system admin's
    "plans": "accounts.work_on_plans",
    "units": "units.view_directory",
    "import_plan": "plans.import_plan",
    "periods": "reporting.manage_periods",
    "review_backlog": "reporting.view_review_backlog",
    "audit": "accounts.view_audit_log",
    "people": "people.manage_people",
    "delivery_log": "notifications.view_delivery_log",
    # the board: the office and leaders, and a county office for its own plan
    "supervision": "supervision.view_boards",
    "dashboards": "dashboards.view_dashboards",
    "surveys": "surveys.view_surveys",
}


def menu(request):
    """Asked only where a template draws the menu: a kept page draws it once, then only
    its per-request parts (freshness/pages.py)."""
    user = request.user
    if not user.is_authenticated:
        return {}
    return {"menu": SimpleLazyObject(lambda: offered(user))}


def offered(user) -> dict[str, bool]:
    may = {item: user.has_perm(permission) for item, permission in MENU.items()}
    may["own_unit"] = user.unit_id is not None
    return may
