"""factory-boy factories for the platform's models: build exactly what a test needs."""

from __future__ import annotations

import datetime

import factory

from taizhang.accounts.models import Role, User
from taizhang.plans.models import Assignment, Chapter, Measure, Plan, Section, Target
from taizhang.reporting.models import Period, ProgressReport
from taizhang.units.models import Collective, Organisation, Region, Unit

PASSWORD = "correct-horse-battery"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"测试{n}州")
    prefix = "州"
    office_name = "州委依法治州办"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"区域{n}")
    level = Region.Level.PREFECTURE


class CountyFactory(RegionFactory):
    name = factory.Sequence(lambda n: f"测试{n}县")
    level = Region.Level.COUNTY


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"州测试{n}局")
    category = Unit.Category.GOVERNMENT
    level = Region.Level.PREFECTURE
    region = factory.SubFactory(RegionFactory, organisation=factory.SelfAttribute("..organisation"))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"用户{n}")
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.OFFICE_ADMIN
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    organisation = factory.SubFactory(OrganisationFactory)
    region = factory.SubFactory(RegionFactory, organisation=factory.SelfAttribute("..organisation"))
    title = factory.Sequence(lambda n: f"测试州法治社会建设实施方案{n}(2022—2025年)")
    start_year = 2022
    end_year = 2025


class ChapterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chapter

    plan = factory.SubFactory(PlanFactory)
    number = "二"
    title = "增强全社会法治观念"
    position = factory.Sequence(int)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    plan = factory.SubFactory(PlanFactory)
    chapter = factory.SubFactory(ChapterFactory, plan=factory.SelfAttribute("..plan"))
    number = "一"
    title = "维护宪法权威"
    position = factory.Sequence(int)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    position = factory.Sequence(int)
    text = factory.Sequence(lambda n: f"开展第{n}项法治宣传活动，到2025年覆盖率达到95%以上。")
    deadline_text = "到2025年"
    deadline = datetime.date(2025, 12, 31)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    measure = factory.SubFactory(MeasureFactory)
    unit = factory.SubFactory(
        UnitFactory, organisation=factory.SelfAttribute("..measure.plan.organisation")
    )
    role = Assignment.Role.RESPONSIBLE


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    measure = factory.SubFactory(MeasureFactory)
    plan = factory.SelfAttribute("measure.plan")
    quote = "覆盖率达到95%以上"
    value = 95
    unit = "%"
    comparator = ">="
    year = 2025


class CollectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collective

    organisation = factory.SubFactory(OrganisationFactory)
    phrase = factory.Sequence(lambda n: f"各县(市){n}")


class PeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Period

    plan = factory.SubFactory(PlanFactory)
    name = factory.Sequence(lambda n: f"2025年第{n}期")
    kind = Period.Kind.QUARTERLY
    starts_on = datetime.date(2025, 1, 1)
    ends_on = datetime.date(2025, 3, 31)
    due_on = datetime.date(2025, 4, 10)

    class Params:
        # the quarter after the default one, as most tests of a second period want it
        second_quarter = factory.Trait(
            name="2025年第二季度",
            starts_on=datetime.date(2025, 4, 1),
            ends_on=datetime.date(2025, 6, 30),
            due_on=datetime.date(2025, 7, 10),
        )


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressReport

    assignment = factory.SubFactory(AssignmentFactory)
    period = factory.SubFactory(
        PeriodFactory, plan=factory.SelfAttribute("..assignment.measure.plan")
    )
    submitted_at = None
    # A report built as submitted was first submitted when it was submitted (tests that
    # tell "returned, then submitted again" apart give first_submitted_at themselves).
    first_submitted_at = factory.LazyAttribute(lambda report: report.submitted_at)


# -- supervision and assessment ------------------------------------------------------------


class RecurringDutyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "plans.RecurringDuty"

    measure = factory.SubFactory(MeasureFactory)
    quote = "每年至少开展2次评查抽查"
    times_per_year = 2


class DutyFulfilmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "supervision.DutyFulfilment"

    duty = factory.SubFactory(RecurringDutyFactory)
    unit = factory.SubFactory(
        UnitFactory, organisation=factory.SelfAttribute("..duty.measure.plan.organisation")
    )
    happened_on = datetime.date(2025, 6, 1)
    note = "开展执法案卷评查"
    recorded_by = factory.SubFactory(UserFactory)


class TargetReadingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "supervision.TargetReading"

    target = factory.SubFactory(TargetFactory)
    measured_on = datetime.date(2024, 12, 31)
    value = 80
    source = "统计年鉴"
    recorded_by = factory.SubFactory(UserFactory)


class UrgeNoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "notices.UrgeNotice"

    unit = factory.SubFactory(UnitFactory)
    organisation = factory.SelfAttribute("unit.organisation")
    level = "urge"
    number = factory.Sequence(lambda n: f"依法治州办督〔2025〕{n + 1}号")
    title = "关于督促报送法治社会建设任务进展情况的通知"
    body = "请于5个工作日内报送。"
    issued_on = datetime.date(2025, 4, 20)
    created_by = factory.SubFactory(UserFactory)


class NoticeReplyFactory(factory.django.DjangoModelFactory):
    """A unit's answer to a notice, with a PDF as its evidence."""

    class Meta:
        model = "notices.NoticeReply"

    notice = factory.SubFactory(UrgeNoticeFactory)
    text = "已于4月25日补报第一季度进展报告。"
    file = factory.django.FileField(filename="落实情况.pdf", data=b"%PDF-1.4\n%%EOF\n")
    original_name = "落实情况.pdf"
    content_type = "application/pdf"
    size = 15
    by = factory.SubFactory(UserFactory)


class ClosureFactory(factory.django.DjangoModelFactory):
    """The lead unit's 办结申请 on a measure, waiting for 销号, with a PDF."""

    class Meta:
        model = "reporting.Closure"

    measure = factory.SubFactory(MeasureFactory)
    unit = factory.LazyAttribute(
        lambda o: (
            (
                o.measure.assignments.filter(role="lead").first() or o.measure.assignments.first()
            ).unit
        )
    )
    summary = "任务已全部完成，形成长效机制。"
    file = factory.django.FileField(filename="办结报告.pdf", data=b"%PDF-1.4\n%%EOF\n")
    original_name = "办结报告.pdf"
    content_type = "application/pdf"
    size = 15
    applied_by = factory.SubFactory(UserFactory)


class SchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessment.Scheme"

    plan = factory.SubFactory(PlanFactory)
    organisation = factory.SelfAttribute("plan.organisation")
    year = 2025
    name = "2025年度法治社会建设考核方案"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessment.Indicator"

    scheme = factory.SubFactory(SchemeFactory)
    kind = "report_timeliness"
    name = "按时报送"
    weight = 30


class AdjustmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessment.Adjustment"

    scheme = factory.SubFactory(SchemeFactory)
    unit = factory.SubFactory(
        UnitFactory, organisation=factory.SelfAttribute("..scheme.organisation")
    )
    points = 2
    reason = "工作经验被省级推广"
    created_by = factory.SubFactory(UserFactory)


def adhoc_item(world, **changes):
    """A 督办事项 as the office fills it in (a leader's instruction): the police lead,
    education responsible, due 2025-06-30."""
    from taizhang.plans import adhoc

    values = {
        "kind": "instruction",
        "title": "州委主要领导批示件（州委办批〔2025〕15号）",
        "issued_on": datetime.date(2025, 4, 18),
        "text": "开展校园周边治安秩序专项整治，6月底前完成。",
        "lead": [world.police],
        "responsible": [world.education],
        "deadline": datetime.date(2025, 6, 30),
    } | changes
    return adhoc.Item(**values)


def supervised_item(world, plan, **changes):
    """`adhoc_item` added to ``plan`` on 2025-04-21 through the plans app's write path."""
    from taizhang.plans import adhoc

    item = adhoc_item(world, **changes)
    return adhoc.add_item(plan, world.people["office"], item, datetime.date(2025, 4, 21))


def county_office(organisation: str, county: str, prefix: str):
    """An organisation (银川市 with prefix 市, 黔南州 with 州), its home region, one county of it
    and that county's office, as a county's plan is imported: (home, county, office)."""
    from taizhang.accounts.models import Role

    org = OrganisationFactory(
        name=organisation, prefix=prefix, office_name=f"{prefix}委依法治{prefix}办"
    )
    home = RegionFactory(organisation=org, name=organisation)
    region = CountyFactory(organisation=org, name=county, parent=home)
    office = UserFactory(organisation=org, role=Role.COUNTY_OFFICE, region=region)
    return home, region, office
