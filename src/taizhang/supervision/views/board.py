"""The supervision board (督查督办): everything late in a plan, counted per kind and
grouped by unit, by county and by chapter, worst first, with the urge action per unit.
Its queries do not grow with the plan: the missing reports (reporting.status.
missing_reports) are counted per group in SQL and only the items shown are loaded; the
other kinds, few, come from late_items in a fixed number of queries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count, F, Min, Q, Window
from django.db.models.functions import RowNumber
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from taizhang.accounts.access import load, require
from taizhang.freshness.pages import kept_plan_page
from taizhang.plans.grouping import ADHOC_GROUP, group_expression
from taizhang.plans.models import Assignment, Measure, Plan
from taizhang.reporting import status
from taizhang.supervision.followups import follow_ups
from taizhang.supervision.overdue import (
    KINDS,
    OVERDUE_FIELDS,
    OVERDUE_ORDER,
    chapter_label,
    group_label,
    late_items,
    overdue_item,
    overdue_items,
    overdue_rows,
)
from taizhang.supervision.views.common import PLANS, url_or_none
from taizhang.units.models import Region

VIEWS = {"unit": "按单位", "county": "按县(市、区)", "chapter": "按篇章", "list": "全部事项"}
# A group shows its worst few items; the rest are a page of the list away.
MAX_ITEMS_PER_GROUP = 5
PAGE_SIZE = 50


@dataclass
class Group:
    key: object
    name: str
    note: str = ""
    items: list = field(default_factory=list)  # its worst few, longest overdue first
    counts: Counter = field(default_factory=Counter)
    urge_url: str | None = None
    list_url: str = ""  # all of the group's items, on the paginated list
    worst: int = 0  # days late of its longest overdue item

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def kind_counts(self) -> list[int]:
        return [self.counts.get(kind, 0) for kind in KINDS]

    @property
    def shown(self) -> list:
        return self.items[:MAX_ITEMS_PER_GROUP]


BOARD_REFUSED = "督查督办仅供依法治理办（县级方案：县级依法治理办）和领导使用。"


class BoardHomeView(LoginRequiredMixin, View):
    """Without a plan: straight to the only plan's board, or a choice of plans."""

    def get(self, request):
        require(request.user, "supervision.view_boards", None, BOARD_REFUSED)
        user = request.user
        plans = [
            plan
            for plan in Plan.objects.for_user(user).select_related("region").order_by("-id")
            if user.has_perm("supervision.view_board", plan)
        ]
        wanted = request.GET.get("plan", "")
        if wanted.isdigit() and any(p.pk == int(wanted) for p in plans):
            return redirect("supervision:board", plan_id=int(wanted))
        # the office's own plan, not the county plans beneath it
        own = list(Plan.objects.filter(pk__in=[p.pk for p in plans]).own(user)) or plans
        if len(own) == 1:
            return redirect("supervision:board", plan_id=own[0].pk)
        return render(request, "supervision/board_home.html", {"plans": plans})


class BoardView(LoginRequiredMixin, View):
    template_name = "supervision/board.html"

    def get(self, request, plan_id):
        plan = load(request.user, PLANS, plan_id)
        require(request.user, "supervision.view_board", plan, BOARD_REFUSED)
        return kept_plan_page(
            request,
            self.template_name,
            plan,
            lambda: self.context(plan),
            page="board",
        )

    def context(self, plan) -> dict:
        request = self.request
        today = timezone.localdate()
        # The missing reports (most of what is late) stay in SQL: counted per group,
        # only the items shown loaded; the other kinds are few.
        others = late_items(plan.organisation, today, plan, overdue=False)
        overdue = overdue_rows(plan, today)
        measures = Measure.objects.filter(plan=plan, withdrawn=False)
        carried = Assignment.objects.owing().filter(measure__in=measures)
        due = status.due_periods(plan.periods.all(), today)
        regions = {r.pk: r for r in Region.objects.filter(organisation_id=plan.organisation_id)}
        chosen = {
            "kind": request.GET.get("kind", ""),
            "region": request.GET.get("region", ""),
            "chapter": request.GET.get("chapter", ""),
            "q": request.GET.get("q", "").strip(),
            "unit": request.GET.get("unit", ""),
        }
        items = [item for item in others if _keep(item, chosen)]
        view = request.GET.get("view", "unit")
        if view not in VIEWS:
            view = "unit"
        if view != "list" and not any(chosen.values()):
            # Nothing narrowed: the chapters of the missing reports come with the groups,
            # in the same pass over them.
            shown = overdue
            groups, found = _groups(overdue, items, view, regions, plan, request.GET, today, True)
            chapters = _chapters(overdue, others, found)
        else:
            chapters = _chapters(overdue, others)
            shown = _narrowed(overdue, chosen, chapters)
            groups = (
                _groups(shown, items, view, regions, plan, request.GET, today)[0]
                if view != "list"
                else []
            )
        kind_counts = Counter(item.kind for item in items)
        # counted once: from the groups' counts, or (the list) by a COUNT
        kind_counts["report_overdue"] = (
            sum(g.counts["report_overdue"] for g in groups) if view != "list" else shown.count()
        )
        total = sum(kind_counts.values())
        page = _page(shown, items, total, request.GET, today) if view == "list" else None
        unfiltered = len(others) + (
            kind_counts["report_overdue"] if shown is overdue else overdue.count()
        )
        _follow_up_shown(plan.organisation, groups, page)
        return {
            "completion": status.Completion.of(status.measure_statuses(measures, today).values()),
            "reports": status.total(status.timeliness(carried, due, today).values()),
            "rules": (status.COMPLETION_RULE, status.ON_TIME_RULE, status.MISSING_RULE),
            "plan": plan,
            "plans": [
                other
                for other in Plan.objects.for_user(request.user).order_by("-id")
                if request.user.has_perm("supervision.view_board", other)
            ],
            "today": today,
            "kinds": [(kind, label, kind_counts[kind]) for kind, label in KINDS.items()],
            "kind_labels": KINDS,
            "total": total,
            "unfiltered": unfiltered,
            "view": view,
            "views": VIEWS,
            "groups": groups,
            "page": page,
            "chosen": chosen,
            "regions": [r for r in regions.values() if r.level in ("prefecture", "county")],
            "chapters": _chapter_choices(chapters),
            "view_links": [
                (key, label, _with(request.GET, view=key)) for key, label in VIEWS.items()
            ],
            "may_urge": request.user.has_perm("notices.urge_on_plan", plan),
            "population_url": url_or_none("supervision:population"),
        }


def _follow_up_shown(organisation, groups, page) -> None:
    """What was done about each item shown — a group's worst few, or one page of the list
    — looked up for those items only."""
    shown = [item for group in groups for item in group.shown] + (page.items if page else [])
    done = follow_ups(organisation, shown)

    def followed(item):
        return replace(item, follow_up=done.get((item.unit_id, item.measure_id)))

    for group in groups:
        group.items[:MAX_ITEMS_PER_GROUP] = [followed(item) for item in group.shown]
    if page is not None:
        page.items = [followed(item) for item in page.items]


def _with(query, **changes) -> str:
    query = query.copy()
    for key, value in changes.items():
        query[key] = value
    return "?" + query.urlencode()


@dataclass
class Page:
    items: list
    number: int
    count: int
    first: int  # the position of its first item, from 1
    previous_url: str = ""
    next_url: str = ""

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.count else None


def _page(overdue, others, total, query, today) -> Page:
    """One page of the list; a page number out of range shows the nearest page. Of the
    missing reports only those up to the page's end are loaded, longest overdue first."""
    wanted = query.get("page", "")
    count = max(1, -(-total // PAGE_SIZE))
    number = min(max(int(wanted), 1), count) if wanted.isdigit() and len(wanted) < 7 else 1
    start = (number - 1) * PAGE_SIZE
    merged = overdue_items(overdue.order_by(*OVERDUE_ORDER)[: start + PAGE_SIZE], today)
    merged = sorted([*merged, *others], key=_worst_first)
    page = Page(merged[start : start + PAGE_SIZE], number, count, start + 1)
    if page.previous:
        page.previous_url = _with(query, page=str(page.previous))
    if page.next:
        page.next_url = _with(query, page=str(page.next))
    return page


def _worst_first(item):
    return (-item.days_late, item.measure_number, item.unit_name)


# a measure's group (plans.grouping, annotated by overdue_rows) and its chapter's label
CHAPTER_FIELDS = ("measure_group", "measure__chapter__number", "measure__chapter__title")


def _chapters(overdue, others, found=None) -> dict[str, str | None]:
    """Group label -> its key (plans.grouping: a chapter's id as text, or the 督办事项'
    ADHOC_GROUP), for the groups anything late lies in (``found``: those of the missing
    reports, when already read)."""
    if found is None:
        found = {
            group_label(key, chapter_label(number, title)): key
            for key, number, title in overdue.values_list(*CHAPTER_FIELDS).distinct()
        }
    group_of_measure = dict(
        Measure.objects.filter(pk__in={i.measure_id for i in others})
        .annotate(group=group_expression())
        .values_list("pk", "group")
    )
    for item in others:
        found.setdefault(item.group, group_of_measure.get(item.measure_id))
    return found


def _chapter_choices(chapters) -> list[str]:
    """The chapter filter's choices: the chapters in order, the 督办事项 after the last."""
    labels = sorted(label for label, key in chapters.items() if label and key != ADHOC_GROUP)
    return labels + [label for label, key in chapters.items() if key == ADHOC_GROUP]


def _narrowed(overdue, chosen, chapters):
    """The missing reports the filters keep, in SQL (as _keep for the other kinds)."""
    if chosen["kind"] and chosen["kind"] != "report_overdue":
        return overdue.none()
    if chosen["unit"]:
        overdue = overdue.filter(unit_id=_number(chosen["unit"]))
    if chosen["region"]:
        overdue = overdue.filter(unit__region_id=_number(chosen["region"]))
    if chosen["chapter"]:
        key = chapters.get(chosen["chapter"])
        overdue = overdue.filter(measure_group=key) if key is not None else overdue.none()
    if chosen["q"]:
        overdue = overdue.filter(unit__name__contains=chosen["q"])
    return overdue


def _number(text: str) -> int:
    """A filter's id; -1 (nothing) when it is not one."""
    return int(text) if text.isdigit() and len(text) < 10 else -1


def _keep(item, chosen) -> bool:
    if chosen["kind"] and item.kind != chosen["kind"]:
        return False
    if chosen["unit"] and str(item.unit_id) != chosen["unit"]:
        return False
    if chosen["region"] and str(item.region_id) != chosen["region"]:
        return False
    if chosen["chapter"] and item.group != chosen["chapter"]:
        return False
    return not chosen["q"] or chosen["q"] in item.unit_name


GROUP_BY = {"unit": "unit_id", "county": "unit__region_id", "chapter": "measure_group"}


def _groups(
    overdue, others, view, regions, plan, query, today, chapters_too=False
) -> tuple[list[Group], dict[str, int | None] | None]:
    """The groups: the missing reports counted per group in SQL (windows over each group:
    its count, its oldest due date, its worst few loaded), the other kinds added in
    Python. ``chapters_too``: also the chapters the missing reports lie in (label -> id),
    from the same pass (one row more per chapter at most), else None."""
    by = GROUP_BY[view]
    groups: dict[object, Group] = {}

    def group(key, name, unit_id=None, region_id=None):
        found = groups.get(key)
        if found is None:
            narrowed = {"unit": "unit", "county": "region", "chapter": "chapter"}[view]
            found = groups[key] = Group(
                key=key,
                name=name,
                list_url=_with(query, view="list", page="1", **{narrowed: str(key or "")}),
            )
            if view == "unit":
                found.note = _region_label(regions.get(region_id))
                found.urge_url = _urge_url(plan.pk, unit_id)
        return found

    def key_of(item):
        if view == "unit":
            return item.unit_id, item.unit_name
        if view == "county":
            return item.region_id, _region_label(regions.get(item.region_id))
        return item.group, item.group or "未分篇章"

    # One pass: each group's worst few, each row carrying its group's count and oldest
    # due date (windows over the group), so the groups need no second scan.
    order = [F(f) for f in OVERDUE_ORDER]
    worst = overdue.annotate(
        rank=Window(RowNumber(), partition_by=[F(by)], order_by=order),
        group_n=Window(Count("pk"), partition_by=[F(by)]),
        group_oldest=Window(Min("due"), partition_by=[F(by)]),
    )
    kept = Q(rank__lte=MAX_ITEMS_PER_GROUP)
    if chapters_too:  # and each chapter's first row
        worst = worst.annotate(
            in_chapter=Window(RowNumber(), partition_by=[F("measure_group")], order_by=order)
        )
        kept |= Q(in_chapter=1)
    fields = [*OVERDUE_FIELDS, *(() if by in OVERDUE_FIELDS else (by,))]
    fields += [f for f in CHAPTER_FIELDS if f not in fields]
    fields += ["rank", "group_n", "group_oldest"]
    chapters = {} if chapters_too else None
    counted = set()
    for row in worst.filter(kept).order_by(*OVERDUE_ORDER).values_list(*fields):
        values = dict(zip(fields, row, strict=True))
        if chapters_too:
            key = values[CHAPTER_FIELDS[0]]
            chapter = chapter_label(values[CHAPTER_FIELDS[1]], values[CHAPTER_FIELDS[2]])
            label = group_label(key, chapter)
            chapters[label] = key
        item = overdue_item(row, today)
        key, name = key_of(item)
        found = group(key, name, item.unit_id, item.region_id)
        if values["rank"] <= MAX_ITEMS_PER_GROUP:
            found.items.append(item)
        if values[by] not in counted:  # once per group counted in SQL
            counted.add(values[by])
            found.counts["report_overdue"] += values["group_n"]
            found.worst = max(found.worst, max((today - values["group_oldest"]).days, 0))
    for item in others:
        key, name = key_of(item)
        found = group(key, name, item.unit_id, item.region_id)
        found.items.append(item)
        found.counts[item.kind] += 1
        found.worst = max(found.worst, item.days_late)
    for found in groups.values():
        found.items = sorted(found.items, key=_worst_first)[:MAX_ITEMS_PER_GROUP]
    return sorted(groups.values(), key=lambda g: (-g.worst, -g.total, g.name)), chapters


def _region_label(region) -> str:
    if region is None:
        return "—"
    return f"{region.name}（本级）" if region.level == Region.Level.PREFECTURE else region.name


def _urge_url(plan_id: int, unit_id: int) -> str | None:
    """The notices helper's page, once it exists (by kwargs, or by query string)."""
    url = url_or_none("notices:create", plan_id=plan_id, unit_id=unit_id)
    if url is None:
        url = url_or_none("notices:create", query=f"?plan_id={plan_id}&unit_id={unit_id}")
    return url
