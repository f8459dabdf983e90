"""A page whose body is kept (kept.py) while the frame around it — the menu, the unread
count, the one-off messages, the CSRF token — is drawn for each request.

The page's template extends ``page_base|default:"base.html"``: drawn alone (the body),
it extends freshness/body.html instead, which keeps only its title and content blocks.
The body is drawn with a placeholder for the CSRF token, put back for each request, so
a kept body never carries one person's token to another (nor an old one after signing
in again)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib import messages
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from taizhang.freshness.kept import kept, viewer_key

BODY = "freshness/body.html"
FRAME = "freshness/page.html"
SPLIT = "<!--freshness:content-->"
TOKEN = "freshness-csrf-placeholder"
# One-off messages a page's context asks for ([(level, text)]), shown on every request.
NOTES = "freshness_notes"


def kept_page(
    request,
    template: str,
    context: Callable[[], dict],
    *,
    page: str,
    organisation_id: int | None,
    params: Iterable = (),
    also: Iterable = (),
):
    """The response for ``template`` drawn from ``context()``, which is called only when
    the organisation's data, the day, the person or the query string changed since the
    body was last drawn. The query string is always part of the key."""

    def draw() -> tuple[str, str, tuple]:
        values = context()
        notes = tuple(values.pop(NOTES, ()))
        values.update(page_base=BODY, csrf_token=TOKEN)
        title, body = render_to_string(template, values, request).split(SPLIT, 1)
        return title, body, notes

    title, body, notes = kept(
        page,
        organisation_id,
        draw,
        viewer=viewer_key(request.user),
        params=(*params, sorted(request.GET.lists())),
        today=timezone.localdate(),
        also=also,
    )
    for level, text in notes:
        messages.add_message(request, level, text)
    token = get_token(request)  # sets the cookie as {% csrf_token %} would
    # Both were drawn (escaped) by the page's own template.
    frame = {
        "freshness_title": mark_safe(title),
        "freshness_body": mark_safe(body.replace(TOKEN, token)),
    }
    return render(request, FRAME, frame)


def kept_plan_page(
    request, template: str, plan, context: Callable[[], dict], *, page: str, params=()
):
    """``kept_page`` for a page about one plan: the plan's organisation, the plan in the key."""
    return kept_page(
        request,
        template,
        context,
        page=page,
        organisation_id=plan.organisation_id,
        params=(plan.pk, *params),
    )
