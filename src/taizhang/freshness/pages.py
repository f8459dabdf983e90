"""A page kept whole (kept.py) — its body and the frame around it (the menu, the person's
name and unit) — while what changes from one request to the next is put in for each
request: the CSRF token, the unread count beside 消息 and the one-off messages.

The page's template extends ``page_base|default:"base.html"``: kept, it extends
freshness/kept.html instead, which draws base.html with a placeholder where the unread
count and the messages go, and the CSRF token is drawn as a placeholder too. Each request
draws those two small parts (``_inbox.html``, ``_messages.html``) and puts its own token
back, so a kept page never carries one person's token, count or messages to another (nor
an old token after signing in again).

The frame is part of what is kept, so the key has what the frame shows beyond the viewer
(``kept.viewer_key``): the page's URL name (the menu marks the current section) and the
person's name, unit, region and organisation as shown."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone

from taizhang.freshness.kept import kept, viewer_key

KEPT_BASE = "freshness/kept.html"
PER_REQUEST = "freshness/per_request.html"
TOKEN = "freshness-csrf-placeholder"
INBOX = "<!--freshness:inbox-->"
MESSAGES = "<!--freshness:messages-->"
SPLIT = "<!--freshness:split-->"
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
    page was last drawn. The query string is always part of the key."""

    def draw() -> tuple[str, tuple]:
        values = context()
        notes = tuple(values.pop(NOTES, ()))
        values.update(page_base=KEPT_BASE, csrf_token=TOKEN)
        return render_to_string(template, values, request), notes

    html, notes = kept(
        page,
        organisation_id,
        draw,
        viewer=viewer_key(request.user),
        params=(*params, *frame_key(request), sorted(request.GET.lists())),
        today=timezone.localdate(),
        also=also,
    )
    for level, text in notes:
        messages.add_message(request, level, text)
    token = get_token(request)  # sets the cookie as {% csrf_token %} would
    inbox, notices = render_to_string(PER_REQUEST, {}, request).split(SPLIT, 1)
    # The page was drawn (escaped) by its own templates; a placeholder cannot come from
    # data (the comments' "<" would have been escaped).
    html = html.replace(TOKEN, token).replace(INBOX, inbox, 1).replace(MESSAGES, notices, 1)
    return HttpResponse(html)


def frame_key(request) -> tuple:
    """What the kept frame shows besides the page: the section the menu marks, and the
    person as named in the frame's corner and footer."""
    user = request.user
    match = request.resolver_match
    return (
        match.view_name if match is not None else "",
        str(user),
        str(user.unit or ""),
        str(user.region or ""),
        str(user.organisation or ""),
    )


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
