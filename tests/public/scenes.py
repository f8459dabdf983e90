"""A plan full of internal matter for the public page to keep out: a returned report with
its comment, evidence, an assessment score, staff names, drafts and pending narratives,
internal notes. Every internal text carries a sentinel the tests look for in the HTML.

Shared by tests/public and the phone browser test (tests/browser/test_public_browser.py)."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile

from taizhang.accounts.models import Role, User
from taizhang.plans.models import Assignment, Measure, Plan
from taizhang.public import services as public_services
from taizhang.reporting import services
from tests import factories as f

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

PLAN_TITLE = "测试州法治社会建设实施方案(2022—2025年)"
FIRST_TEXT = "深入开展宪法宣传教育，推动宪法进机关、进乡村、进社区、进学校。"
SECOND_TEXT = "加强社会治安防控体系建设，依法打击整治突出违法犯罪。"
ACCEPTED_NARRATIVE = "全州开展宪法宣传活动128场，覆盖群众3.2万人次。"

# Internal matter: none of these may ever reach a public page.
SECRETS = {
    "return_comment": "退回意见：请补充乡镇场次明细XQ1",
    "accept_comment": "审核意见：数据口径需复核XQ2",
    "evidence_name": "内部佐证材料XQ3.pdf",
    "submitted_narrative": "待审核进展内容XQ4",
    "draft_narrative": "草稿进展内容XQ5",
    "problems": "存在问题：经费缺口XQ6",
    "next_steps": "下步打算：内部安排XQ7",
    "liaison_name": "联络员李晓XQ8",
    "reviewer_name": "审核人张明XQ9",
    "office_name": "办公室王敏XQ10",
    "scheme_name": "考核方案内部名称XQ11",
    "adjustment_reason": "加分理由内部XQ12",
    "reading_source": "内部统计台账XQ13",
    "notice_body": "催办通知正文XQ14",
    "fulfilment_note": "履职记录内部XQ15",
    "returned_narrative": "被退回的进展内容XQ16",
    "actions": "主要举措内部XQ17",
}


def publish(plan, actor, **shown):
    """Publish ``plan``; fields named in ``shown`` get those values, the rest defaults."""
    return public_services.save_publication(plan, actor, published=True, shown=shown)


def _file(assignment, period, user, narrative, uploads=(), **extra):
    data = {"status": "in_progress", "narrative": narrative, **extra}
    return services.file_report(
        assignment, period, user, data, 0, uploads=uploads, submit_after=True
    )


def build(world) -> SimpleNamespace:
    """The world's plan with chapters, targets, reports in every state and assessment."""
    people = world.people
    names = {"liaison": "liaison_name", "reviewer": "reviewer_name", "office": "office_name"}
    for role, key in names.items():
        User.objects.filter(pk=people[role].pk).update(display_name=SECRETS[key])
        people[role].refresh_from_db()
    Plan.objects.filter(pk=world.plan.pk).update(
        title=PLAN_TITLE,
        issuer="中共测试州委 测试州人民政府",
        issued_on=datetime.date(2022, 9, 21),
    )
    world.plan.refresh_from_db()
    chapter_one = f.ChapterFactory(plan=world.plan, number="二", title="增强全社会法治观念")
    chapter_two = f.ChapterFactory(plan=world.plan, number="三", title="健全社会领域制度规范")
    Measure.objects.filter(pk=world.first.pk).update(
        chapter=chapter_one,
        text=FIRST_TEXT,
        deadline=datetime.date(2030, 12, 31),
        deadline_text="2025年底前",
    )
    Measure.objects.filter(pk=world.second.pk).update(
        chapter=chapter_two, text=SECOND_TEXT, deadline=None, deadline_text=""
    )
    world.first.refresh_from_db()
    world.second.refresh_from_db()

    first = {a.unit_id: a for a in Assignment.objects.filter(measure=world.first)}
    lead = first[world.justice.pk]
    education = first[world.education.pk]
    county = first[world.county_government.pk]
    police = Assignment.objects.get(measure=world.second, unit=world.police)
    police_liaison = f.UserFactory(
        organisation=world.organisation, role=Role.LIAISON, unit=world.police
    )

    # The lead unit's report: accepted, with evidence, internal notes and a comment.
    accepted = _file(
        lead,
        world.period,
        people["reviewer"],
        ACCEPTED_NARRATIVE,
        uploads=[SimpleUploadedFile(SECRETS["evidence_name"], PDF)],
        status="done",
        problems=SECRETS["problems"],
        next_steps=SECRETS["next_steps"],
        actions=SECRETS["actions"],
    )
    accepted = services.review(
        accepted, people["office"], "accept", SECRETS["accept_comment"], accepted.version
    )
    # 教育局's report: returned with a comment.
    returned = _file(education, world.period, people["liaison"], SECRETS["returned_narrative"])
    returned = services.review(
        returned, people["reviewer"], "return", SECRETS["return_comment"], returned.version
    )
    # 甲县's report: submitted, not yet reviewed.
    pending = _file(county, world.period, people["county"], SECRETS["submitted_narrative"])
    # 公安局's report on measure 2: a draft.
    draft = services.start_report(police, world.period)
    draft = services.save_draft(
        draft, police_liaison, {"narrative": SECRETS["draft_narrative"]}, draft.version
    )

    target = f.TargetFactory(measure=world.first, quote="宪法宣传覆盖率达到95%以上")
    f.TargetReadingFactory(
        target=target,
        value=80,
        measured_on=datetime.date(2024, 12, 31),
        source=SECRETS["reading_source"],
        recorded_by=people["office"],
    )
    duty = f.RecurringDutyFactory(measure=world.first)
    f.DutyFulfilmentFactory(
        duty=duty,
        unit=world.justice,
        recorded_by=people["reviewer"],
        note=SECRETS["fulfilment_note"],
    )
    f.UrgeNoticeFactory(unit=world.police, created_by=people["office"], body=SECRETS["notice_body"])
    scheme = f.SchemeFactory(plan=world.plan, name=SECRETS["scheme_name"])
    f.IndicatorFactory(scheme=scheme)
    f.AdjustmentFactory(
        scheme=scheme,
        unit=world.justice,
        created_by=people["office"],
        points=7.25,
        reason=SECRETS["adjustment_reason"],
    )
    return SimpleNamespace(
        world=world,
        plan=world.plan,
        accepted=accepted,
        returned=returned,
        pending=pending,
        draft=draft,
        target=target,
        scheme=scheme,
    )
