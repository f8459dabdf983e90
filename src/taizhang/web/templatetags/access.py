"""Templates ask the rules, as views do: ``{% may "notices.issue_notices" as may_issue %}``,
``{% may "reporting.review_report" report as can_review %}``. Never a role check in a
template: the rule says who may, in one place."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context, permission: str, obj=None) -> bool:
    user = context.get("user") or getattr(context.get("request"), "user", None)
    return bool(user is not None and user.has_perm(permission, obj))
