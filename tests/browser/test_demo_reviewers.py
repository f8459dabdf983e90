"""In the demo deployment (a real office's year), every report waiting for review is on
somebody's to-do list: the people's to-do pages together list each one, and each has
reviewers (reporting/reviewers.py). And the demo's past quarter is mostly reviewed: only
a backlog of recent weeks waits."""

import pytest
from django.utils import timezone

from taizhang.reporting import reviewers
from taizhang.reporting.models import ProgressReport
from taizhang.workspace.todo import todo_for

pytestmark = pytest.mark.django_db


def test_no_submitted_report_in_the_demo_lacks_a_reviewer(demo):
    today = timezone.localdate()
    waiting = set(reviewers.awaiting().values_list("pk", flat=True))
    assert waiting, "the demo has reports waiting for review"
    listed, counted = set(), 0
    for person in demo.values():
        if not person.is_active or person.organisation_id is None:
            continue
        todo = todo_for(person, today)
        listed |= {r.pk for r in todo.to_review} | {r.pk for r in todo.office_review}
        if todo.to_review_total > len(todo.to_review):
            listed |= set(reviewers.waiting_for_unit(person.unit_id).values_list("pk", flat=True))
        if todo.office_review_total > len(todo.office_review):
            office = reviewers.waiting_for_office(person.organisation_id)
            listed |= set(office.values_list("pk", flat=True))
        counted += 1
    assert counted and listed == waiting
    for report in ProgressReport.objects.filter(pk__in=waiting).select_related("assignment__unit"):
        assert reviewers.reviewers_of(report), report


def test_the_demos_past_quarter_is_mostly_reviewed(demo):
    filed = ProgressReport.objects.exclude(first_submitted_at=None)
    reviewed = filed.filter(state__in=("accepted", "returned")).count()
    assert reviewed > 0.75 * filed.count()
    assert 0 < reviewers.awaiting().count() < 0.2 * filed.count()


def test_every_urging_notice_in_the_demo_reaches_someone_who_must_sign_it(demo):
    """Work that reaches nobody is a defect: each notice the demo's offices issued is on the
    to-do of a person of its unit and in that person's messages."""
    from taizhang.notices.models import UrgeNotice
    from taizhang.notifications.models import Delivery

    today = timezone.localdate()
    notices = list(UrgeNotice.objects.all())
    assert notices, "the demo issues urging notices"
    for notice in notices:
        holders = [
            person
            for person in demo.values()
            if person.is_active
            and person.organisation_id == notice.organisation_id
            and notice.pk in {n.pk for n in todo_for(person, today).notices}
        ]
        assert holders, notice
        told = Delivery.objects.filter(
            notification__event="notice_issued", recipient__in=holders, channel="in_app"
        )
        assert told.exists(), notice
