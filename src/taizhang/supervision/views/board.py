"""The supervision board (督查督办): everything late in a plan, counted per kind and
grouped by unit, by county and by chapter, worst first, with the urge action per unit.
Its queries do not grow with the plan: late_items gathers in a fixed number."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from taizhang.accounts.access import load, require
from taizhang.freshness.pages import kept_plan_page
from taizhang.plans.models import Assignment, Measure, Plan
from taizhang.reporting import status
from taizhang.supervision.followups import follow_ups
from taizhang.supervision.overdue import KINDS, late_items
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
    items: list = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    urge_url: str | None = None
    list_url: str = ""  # all of the group's items, on the paginated list

    @property
    def worst(self) -> int:
        return max((item.days_late for item in self.items), default=0)

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
        everything = late_items(plan.organisation, today, plan)
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
        items = [item for item in everything if _keep(item, chosen)]
        view = request.GET.get("view", "unit")
        if view not in VIEWS:
            view = "unit"
        groups = _groups(items, view, regions, plan, request.GET) if view != "list" else []
        page = _page(items, request.GET) if view == "list" else None
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
            "kinds": [
                (kind, label, sum(1 for i in items if i.kind == kind))
                for kind, label in KINDS.items()
            ],
            "kind_labels": KINDS,
            "total": len(items),
            "unfiltered": len(everything),
            "view": view,
            "views": VIEWS,
            "groups": groups,
            "page": page,
            "chosen": chosen,
            "regions": [r for r in regions.values() if r.level in ("prefecture", "county")],
            "chapters": sorted({item.chapter for item in everything if item.chapter}),
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


def _page(items, query) -> Page:
    """One page of the list; a page number out of range shows the nearest page."""
    wanted = query.get("page", "")
    count = max(1, -(-len(items) // PAGE_SIZE))
    number = min(max(int(wanted), 1), count) if wanted.isdigit() and len(wanted) < 7 else 1
    start = (number - 1) * PAGE_SIZE
    page = Page(items[start : start + PAGE_SIZE], number, count, start + 1)
    if page.previous:
        page.previous_url = _with(query, page=str(page.previous))
    if page.next:
        page.next_url = _with(query, page=str(page.next))
    return page


def _keep(item, chosen) -> bool:
    if chosen["kind"] and item.kind != chosen["kind"]:
        return False
    if chosen["unit"] and str(item.unit_id) != chosen["unit"]:
        return False
    if chosen["region"] and str(item.region_id) != chosen["region"]:
        return False
    if chosen["chapter"] and item.chapter != chosen["chapter"]:
        return False
    return not chosen["q"] or chosen["q"] in item.unit_name


def _groups(items, view, regions, plan, query) -> list[Group]:
    groups: dict[object, Group] = {}
    for item in items:
        if view == "unit":
            key, name = item.unit_id, item.unit_name
        elif view == "county":
            region = regions.get(item.region_id)
            key = item.region_id
            name = _region_label(region)
        else:
            key, name = item.chapter, item.chapter or "未分篇章"
        group = groups.get(key)
        if group is None:
            narrowed = {"unit": "unit", "county": "region", "chapter": "chapter"}[view]
            group = groups[key] = Group(
                key=key,
                name=name,
                list_url=_with(query, view="list", page="1", **{narrowed: str(key or "")}),
            )
            if view == "unit":
                region = regions.get(item.region_id)
                group.note = _region_label(region)
                group.urge_url = _urge_url(plan.pk, item.unit_id)
        group.items.append(item)
        group.counts[item.kind] += 1
    ordered = sorted(groups.values(), key=lambda g: (-g.worst, -len(g.items), g.name))
    return ordered


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
