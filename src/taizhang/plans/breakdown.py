"""The write path of a county plan made from the plan above (分解落实): the county office
picks the parent measures its county must carry out, gives each its own units, a
schedule (工作进度安排) and a verifiable outcome (可检验的成果形式), and the new plan has
those measures, their text and targets copied, each linked to its parent measure.

黔南's closing paragraph asks exactly this of every county (结合实际细化分解, 明确提出工作
进度安排和可检验的成果形式); 银川's of its districts in the same words. All or nothing:
one refusal leaves nothing behind. The plan is audited once (its measures and units), and
every link through plans.linking, as if confirmed on the links page."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from taizhang.audit.log import record
from taizhang.plans import assignments, linking
from taizhang.plans.models import (
    BROKEN_DOWN_FROM,
    AuditAction,
    AuditDetail,
    Chapter,
    Measure,
    Plan,
    Section,
    Target,
)
from taizhang.units.models import Region
from taizhang.units.services import level_of_phrase

MAX_TEXT = 2000


@dataclass
class Pick:
    """One parent measure the county carries out, as the county office set it."""

    parent: Measure
    lead_units: list = field(default_factory=list)
    responsible_units: list = field(default_factory=list)
    schedule: str = ""
    outcome: str = ""
    # collectives naming every township or village (各镇（街道）): in the county's plan
    # they mean the county's own (plans.assignments.members_for)
    collectives: list = field(default_factory=list)


def default_title(parent: Plan, region: Region) -> str:
    """《黔南州法治社会建设实施方案》 -> 都匀市法治社会建设实施方案 (the prefecture's name
    replaced by the county's where the title starts with it)."""
    home = parent.region.name
    title = parent.title
    if title.startswith(home):
        return region.name + title[len(home) :]
    return f"{region.name}贯彻落实《{title}》实施方案"


def _check(parent: Plan, region: Region, title: str, picks: list[Pick]) -> str:
    if parent.region.level == Region.Level.COUNTY:
        raise ValidationError("只能从州（市）级方案分解制定县级方案。")
    if region.level != Region.Level.COUNTY or region.organisation_id != parent.organisation_id:
        raise ValidationError("只能为本组织的县（市、区）制定方案。")
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError("请填写方案标题。")
    if len(title) > 300:
        raise ValidationError("方案标题不能超过300个字。")
    if not picks:
        raise ValidationError("请至少勾选一项本县（市、区）承接的上级任务。")
    seen = set()
    for pick in picks:
        number = pick.parent.number
        if pick.parent.plan_id != parent.pk or pick.parent.withdrawn:
            raise ValidationError(f"第{number}项不是上级方案的现行任务。")
        if pick.parent.pk in seen:
            raise ValidationError(f"第{number}项重复勾选。")
        seen.add(pick.parent.pk)
        if not pick.lead_units:
            raise ValidationError(f"请为上级第{number}项指定牵头单位。")
        units = [*pick.lead_units, *pick.responsible_units]
        if any(unit.region_id != region.pk for unit in units):
            raise ValidationError(f"上级第{number}项所选单位须是{region.name}的单位。")
        for collective in pick.collectives:
            own = collective.organisation_id == parent.organisation_id
            if not own or level_of_phrase(collective.phrase) is None:
                raise ValidationError(
                    f"上级第{number}项只能选择“各乡镇（街道）”“各村（社区）”等本县层级统称。"
                )
        pick.schedule, pick.outcome = pick.schedule.strip(), pick.outcome.strip()
        if not pick.schedule or not pick.outcome:
            raise ValidationError(f"请填写上级第{number}项的工作进度安排和可检验的成果形式。")
        if len(pick.schedule) > MAX_TEXT or len(pick.outcome) > MAX_TEXT:
            raise ValidationError(f"上级第{number}项的进度安排或成果形式不能超过{MAX_TEXT}个字。")
    return title


@transaction.atomic
def create_county_plan(
    parent: Plan, region: Region, actor, title: str, picks: list[Pick], reason: str = ""
) -> Plan:
    """A plan of ``region`` carrying out ``parent``: the picked measures in the parent's
    order, renumbered, under copies of their chapters and sections."""
    title = _check(parent, region, title, picks)
    picks = sorted(picks, key=lambda p: p.parent.position)
    plan = Plan.objects.create(
        organisation_id=parent.organisation_id,
        region=region,
        parent=parent,
        title=title,
        start_year=parent.start_year,
        end_year=parent.end_year,
        parent_documents=[f"《{parent.title}》"],
        source_name=f"{BROKEN_DOWN_FROM}《{parent.title}》",
        # the version in force is this plan as made: when and by whom (Plan.version)
        version_at=timezone.now(),
        version_by=actor,
    )
    outline = _Outline(plan)
    links = {}
    for number, pick in enumerate(picks, start=1):
        source = pick.parent
        measure = Measure.objects.create(
            plan=plan,
            chapter=outline.chapter(source.chapter),
            section=outline.section(source.section),
            number=number,
            position=number,
            title=source.title,
            text=source.text,
            deadline_text=source.deadline_text,
            deadline=source.deadline,
            schedule=pick.schedule,
            outcome=pick.outcome,
            attribution_raw=_attribution(pick),
        )
        assignments.set_units(
            measure, pick.lead_units, pick.responsible_units, [], pick.collectives
        )
        _copy_targets(source, measure)
        links[measure.pk] = [source.pk]
    record(
        actor,
        AuditAction.BREAK_DOWN,
        plan,
        {
            AuditDetail.PARENT_PLAN: parent.label,
            "measures": len(picks),
            AuditDetail.PARENTS: [str(p.parent.number) for p in picks],
        },
        reason,
        organisation=plan.organisation_id,
    )
    linking.set_links(plan, actor, links)
    return plan


def _attribution(pick: Pick) -> str:
    text = "牵头单位：" + "、".join(u.name for u in pick.lead_units)
    responsible = [u.name for u in pick.responsible_units] + [c.phrase for c in pick.collectives]
    if responsible:
        text += "；责任单位：" + "、".join(responsible)
    return f"〔{text}〕"


def _copy_targets(source: Measure, measure: Measure) -> None:
    """The parent measure's targets, which the county carries too: its readings then roll
    up to them (supervision.rollup matches the same unit and basis)."""
    for target in source.targets.all():
        Target.objects.create(
            plan=measure.plan,
            measure=measure,
            quote=target.quote,
            value=target.value,
            unit=target.unit,
            comparator=target.comparator,
            year=target.year,
            per=target.per,
        )


class _Outline:
    """Copies of the parent's chapters and sections, made as the picked measures need them."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.chapters: dict[int, Chapter] = {}
        self.sections: dict[int, Section] = {}

    def chapter(self, source: Chapter | None) -> Chapter | None:
        if source is None:
            return None
        if source.pk not in self.chapters:
            self.chapters[source.pk] = Chapter.objects.create(
                plan=self.plan,
                number=source.number,
                title=source.title,
                position=len(self.chapters),
            )
        return self.chapters[source.pk]

    def section(self, source: Section | None) -> Section | None:
        if source is None:
            return None
        if source.pk not in self.sections:
            self.sections[source.pk] = Section.objects.create(
                plan=self.plan,
                chapter=self.chapter(source.chapter),
                number=source.number,
                title=source.title,
                position=len(self.sections),
            )
        return self.sections[source.pk]
