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


def _holders(demo, organisation_id, listed_as: str, pk: int):
    """The demo people of the organisation whose to-do lists ``pk`` under ``listed_as``."""
    today = timezone.localdate()
    return [
        person
        for person in demo.values()
        if person.is_active
        and person.organisation_id == organisation_id
        and pk in {item.pk for item in getattr(todo_for(person, today), listed_as)}
    ]


def test_every_urging_notice_in_the_demo_reaches_whoever_acts_next(demo):
    """Work that reaches nobody is a defect: each notice its unit still owes (to sign, to
    answer, to answer again) is on the to-do of a person of that unit and in that person's
    messages; each answered one on an office's to-do, waiting for 办结 or 退回."""
    from taizhang.notices.models import UrgeNotice
    from taizhang.notifications.models import Delivery

    notices = list(UrgeNotice.objects.all())
    assert notices, "the demo issues urging notices"
    for notice in notices:
        if notice.state in UrgeNotice.UNIT_OWES:
            holders = _holders(demo, notice.organisation_id, "notices", notice.pk)
            assert holders, notice
            told = Delivery.objects.filter(
                notification__event="notice_issued", recipient__in=holders, channel="in_app"
            )
            assert told.exists(), notice
        elif notice.state == UrgeNotice.State.ANSWERED:
            holders = _holders(demo, notice.organisation_id, "notices_to_settle", notice.pk)
            assert holders, notice


def test_the_demo_shows_the_closed_loop_on_both_organisations(demo):
    """Both demo offices' year shows every state of the loop, each reached through the
    write paths (an audit entry for each)."""
    from taizhang.audit.models import AuditEntry
    from taizhang.notices.models import UrgeNotice
    from taizhang.plans.models import Exemption, MeasureSource
    from taizhang.reporting.models import Closure, Extension
    from taizhang.units.models import Organisation

    organisations = list(Organisation.objects.all())
    assert len(organisations) == 2
    for organisation in organisations:
        of = {"organisation": organisation}
        notices = set(UrgeNotice.objects.filter(**of).values_list("state", flat=True))
        assert {"signed", "answered", "closed", "returned"} <= notices, organisation
        by_plan = {"measure__plan__organisation": organisation}
        closures = set(Closure.objects.filter(**by_plan).values_list("state", flat=True))
        assert {"closed", "applied"} <= closures, organisation
        kinds = set(MeasureSource.objects.filter(**by_plan).values_list("kind", flat=True))
        assert kinds == {"instruction", "meeting"}, organisation
        for source in MeasureSource.objects.filter(**by_plan):
            reports = ProgressReport.objects.filter(assignment__measure_id=source.measure_id)
            assert reports.exclude(first_submitted_at=None).exists(), source
        by_assignment = {"assignment__measure__plan__organisation": organisation}
        for model in (Extension, Exemption):
            states = set(model.objects.filter(**by_assignment).values_list("state", flat=True))
            assert {"approved", "pending"} <= states, (model, organisation)
        actions = set(
            AuditEntry.objects.filter(organisation=organisation).values_list("action", flat=True)
        )
        assert {
            "sign", "answer", "close", "send_back", "closure_apply", "closure_confirm",
            "extension_request", "extension_approve", "exemption_request",
            "exemption_approve", "add_adhoc",
        } <= actions, organisation  # fmt: skip


def test_every_pending_application_in_the_demo_is_on_an_office_to_do(demo):
    """延期申请, 不涉及 and 办结申请 waiting for the office are each on the to-do of one of
    its people."""
    from taizhang.plans.models import Exemption
    from taizhang.reporting.models import Closure, Extension

    waiting = [
        (Extension.objects.filter(state="pending"), "extensions", "assignment__measure__plan"),
        (Exemption.objects.filter(state="pending"), "exemptions", "assignment__measure__plan"),
        (Closure.objects.filter(state="applied"), "closures_to_settle", "measure__plan"),
    ]
    for pending, listed_as, plan in waiting:
        assert pending.exists(), listed_as
        for application in pending.select_related(plan):
            organisation_id = _plan_of(application, plan).organisation_id
            holders = _holders(demo, organisation_id, listed_as, application.pk)
            assert holders, (listed_as, application)


def _plan_of(application, path: str):
    found = application
    for step in path.split("__"):
        found = getattr(found, step)
    return found


def test_the_board_and_the_dashboard_count_the_same_missing_reports(demo, client):
    """One truth on the demo's year (approved 延期, 不涉及, 销号, 督办事项 and all): the
    board's 逾期未报 figure, the items it lists as 逾期未报送 and the dashboard's figure
    are one number for each demo plan."""
    from django.urls import reverse

    from taizhang.plans.models import Plan

    for office in ("qn_office", "yc_office"):
        client.force_login(demo[office])
        plan = Plan.objects.get(organisation=demo[office].organisation, parent__isnull=True)
        board = client.get(reverse("supervision:board", kwargs={"plan_id": plan.pk}))
        dashboard = client.get(reverse("dashboards:plan", kwargs={"plan_id": plan.pk}))
        listed = {kind: n for kind, _label, n in board.context["kinds"]}
        missing = board.context["reports"].missing
        assert missing > 0, office
        assert missing == listed["report_overdue"] == dashboard.context["figures"].key.late_reports
