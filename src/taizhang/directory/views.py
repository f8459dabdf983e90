"""Pages of the units directory: list, one unit (edit, alias, merge), new unit, and the
collectives the office defines. Every change goes through the units directory's write
path (units/services.py), a merge through directory/merging.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from taizhang.accounts.access import load, of_organisation, require
from taizhang.directory import merging
from taizhang.directory.forms import (
    AliasForm,
    CollectiveForm,
    DirectoryFilterForm,
    MergeForm,
    RenameForm,
    UnitCreateForm,
    UnitFieldsForm,
)
from taizhang.directory.queries import (
    collectives_with_measures,
    filter_units,
    grouped,
    number_ranges,
    units_with_workload,
)
from taizhang.plans.assignments import create_unit, set_collective_members, update_unit
from taizhang.plans.models import Assignment, MeasureCollective
from taizhang.reporting.models import assignment_deadlines, deadline_label
from taizhang.units import services as directory
from taizhang.units.models import Collective, Organisation, Region, Unit
from taizhang.web.views import ActionView


def organisation_for_picker(request):
    """Every organisation, for the system administrator's picker."""
    return of_organisation(request.user, Organisation.objects.order_by("id"))


def organisation_for(request) -> Organisation:
    """The person's organisation; a system administrator (who has none) picks one
    with ?org=, the first by default."""
    user = request.user
    if user.organisation_id:
        return user.organisation
    organisations = of_organisation(user, Organisation.objects.order_by("id"))
    chosen = request.GET.get("org", "")
    organisation = (
        organisations.filter(pk=chosen).first() if chosen.isdigit() else organisations.first()
    )
    if organisation is None:
        raise Http404
    return organisation


class DirectoryView(LoginRequiredMixin, View):
    def get(self, request):
        require(request.user, "units.view_directory")
        organisation = organisation_for(request)
        form = DirectoryFilterForm(organisation, request.GET or None, user=request.user)
        visible = Unit.objects.for_user(request.user).values("pk")
        units = units_with_workload(organisation).filter(pk__in=visible)
        units = list(filter_units(units, **form.values()))
        return render(
            request,
            "directory/directory.html",
            {
                "organisation": organisation,
                "organisations": (
                    [] if request.user.organisation_id else organisation_for_picker(request)
                ),
                "form": form,
                "groups": grouped(units),
                "total": len(units),
                "filtered": any(form.values().values()),
                "can_change": request.user.has_perm("units.manage_units")
                and organisation.pk == request.user.organisation_id,
                "may_collectives": request.user.has_perm("units.view_collectives"),
                # a county office keeps its own county's part of the directory
                "keeps": request.user.region if request.user.region_id else organisation,
            },
        )


class UnitView(LoginRequiredMixin, View):
    """One unit: what it carries, its names; the office edits its fields and aliases."""

    def get_unit(self, request, unit_id) -> Unit:
        unit = load(
            request.user, Unit.objects.select_related("region", "organisation", "parent"), unit_id
        )
        require(request.user, "units.view_unit", unit)
        return unit

    def get(self, request, unit_id):
        unit = self.get_unit(request, unit_id)
        return self.page(request, unit)

    def page(self, request, unit, fields_form=None, alias_form=None, rename_form=None, status=200):
        can_change = request.user.has_perm("units.change_unit", unit)
        assignments = list(
            Assignment.objects.filter(unit=unit, measure__withdrawn=False)
            .select_related("measure__plan", "via")
            .order_by("measure__plan_id", "measure__position")
        )
        # 完成时限 as the ledger prints it: with the later date the office approved
        extended = assignment_deadlines(assignments)
        for assignment in assignments:
            assignment.deadline_label = deadline_label(
                assignment.measure.deadline_label, extended.get(assignment.pk)
            )
        return render(
            request,
            "directory/unit.html",
            {
                "unit": unit,
                "aliases": unit.aliases.order_by("name"),
                "collectives": unit.collectives.order_by("phrase"),
                "assignments": assignments,
                "people": unit.users.order_by("username"),
                "can_change": can_change,
                "can_merge": request.user.has_perm("units.merge_unit", unit),
                "children": unit.children.order_by("level", "name"),
                "fields_form": fields_form
                or UnitFieldsForm(
                    unit.organisation,
                    user=request.user,
                    unit=unit,
                    initial={
                        "category": unit.category,
                        "level": unit.level,
                        "region": unit.region,
                        "parent": unit.parent,
                    },
                ),
                "alias_form": alias_form or AliasForm(auto_id="alias_%s"),
                "rename_form": rename_form
                or RenameForm(auto_id="rename_%s", initial={"name": unit.name}),
            },
            status=status,
        )


class UnitActionView(ActionView):
    """The office's change to a unit: back to the unit's page, or the page again with the
    form's errors."""

    queryset = Unit.objects.select_related("region", "organisation")
    pk_url_kwarg = "unit_id"
    permission = "units.change_unit"
    refusals = (directory.DirectoryError,)

    def done(self, result):
        return redirect("directory:unit", unit_id=self.object.pk)

    def invalid(self, form):
        return UnitView().page(self.request, self.object, status=400, **{self.form_name: form})


class UnitUpdateView(UnitActionView):
    form_name = "fields_form"

    def get_form(self, data=None, files=None):
        return UnitFieldsForm(
            self.object.organisation, data, user=self.request.user, unit=self.object
        )

    def act(self, form):
        data = form.cleaned_data
        update_unit(
            self.object,
            self.request.user,
            data["reason"],
            category=data["category"],
            level=data["level"],
            region=data["region"],
            parent=data["parent"],
        )
        messages.success(self.request, f"已保存“{self.object.name}”的信息。")


class UnitRenameView(UnitActionView):
    form_name = "rename_form"
    refusal_field = "name"

    def get_form(self, data=None, files=None):
        return RenameForm(data, auto_id="rename_%s")

    def act(self, form):
        old = self.object.name
        data = form.cleaned_data
        directory.rename_unit(self.object, data["name"], self.request.user, data["reason"])
        messages.success(
            self.request, f"已将“{old}”更正为“{data['name'].strip()}”，原名称已作为别名保留。"
        )


class UnitAliasView(UnitActionView):
    form_name = "alias_form"
    refusal_field = "alias"

    def get_form(self, data=None, files=None):
        return AliasForm(data, auto_id="alias_%s")

    def act(self, form):
        data = form.cleaned_data
        directory.add_alias(self.object, data["alias"], self.request.user, data["reason"])
        messages.success(self.request, f"已为“{self.object.name}”添加别名。")


class UnitMergeView(UnitView):
    """Fold a duplicate (州委宣传部(州精神文明办)) into this unit (州委宣传部)."""

    def get(self, request, unit_id):
        unit = self.get_unit(request, unit_id)
        require(request.user, "units.merge_unit", unit)
        form = MergeForm(unit, initial={"duplicate": request.GET.get("duplicate")})
        return self.merge_page(request, unit, form)

    def post(self, request, unit_id):
        unit = self.get_unit(request, unit_id)
        require(request.user, "units.merge_unit", unit)
        form = MergeForm(unit, request.POST)
        if form.is_valid():
            duplicate = form.cleaned_data["duplicate"]
            name = duplicate.name
            try:
                merging.merge_units(unit, duplicate, request.user, form.cleaned_data["reason"])
            except directory.DirectoryError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"已将“{name}”并入“{unit.name}”，原名称已作为别名保留。")
                return redirect("directory:unit", unit_id=unit.pk)
        return self.merge_page(request, unit, form)

    def merge_page(self, request, unit, form):
        duplicate = None
        chosen = form.data.get("duplicate") if form.is_bound else form.initial.get("duplicate")
        if chosen and str(chosen).isdigit():
            duplicate = (
                units_with_workload(unit.organisation).exclude(pk=unit.pk).filter(pk=chosen).first()
            )
        return render(
            request,
            "directory/merge.html",
            {"unit": unit, "form": form, "duplicate": duplicate},
        )


class UnitCreateView(LoginRequiredMixin, View):
    def check(self, request):
        require(request.user, "units.manage_units")
        if request.user.organisation_id is None:
            raise PermissionDenied
        return request.user.organisation

    def get(self, request):
        organisation = self.check(request)
        user = request.user
        if user.region_id:  # a county office: its county, a township by default
            home, level = user.region, Region.Level.TOWNSHIP
        else:
            home = organisation.regions.filter(level=Region.Level.PREFECTURE).first()
            level = Region.Level.PREFECTURE
        form = UnitCreateForm(
            organisation,
            user=user,
            initial={"category": Unit.Category.GOVERNMENT, "level": level, "region": home},
        )
        return render(request, "directory/create.html", {"form": form})

    def post(self, request):
        organisation = self.check(request)
        form = UnitCreateForm(organisation, request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            draft = directory.UnitDraft(
                data["name"], data["category"], data["level"], data["region"], data["parent"]
            )
            try:
                unit = create_unit(organisation, draft, request.user, data["reason"])
            except directory.DirectoryError as error:
                form.add_error("name", str(error))
            else:
                messages.success(request, f"已新增单位“{unit.name}”。")
                return redirect("directory:unit", unit_id=unit.pk)
        return render(request, "directory/create.html", {"form": form})


class CollectiveListView(LoginRequiredMixin, View):
    def get(self, request):
        require(request.user, "units.view_collectives")
        organisation = organisation_for(request)
        collectives = list(collectives_with_measures(organisation))
        for collective in collectives:
            by_plan: dict = {}
            for link in collective.links:
                by_plan.setdefault(link.measure.plan, []).append(link.measure.number)
            collective.ranges = [
                (plan, number_ranges(numbers)) for plan, numbers in by_plan.items()
            ]
        return render(
            request,
            "directory/collectives.html",
            {
                "organisation": organisation,
                "collectives": collectives,
            },
        )


# Quick picks on the collective page: button value -> (label, which units).
def _quick_picks():
    picks = {"county": ("全部县级单位", {"level": Region.Level.COUNTY})}
    for value, label in Unit.Category.choices:
        picks[f"category:{value}"] = (f"全部{label}", {"category": value})
    return picks


class CollectiveView(LoginRequiredMixin, View):
    """What a collective (各县(市), 州有关部门) means here: the office picks its members."""

    def get_collective(self, request, collective_id) -> Collective:
        collective = load(
            request.user, Collective.objects.select_related("organisation"), collective_id
        )
        require(request.user, "units.view_collective", collective)
        return collective

    def get(self, request, collective_id):
        collective = self.get_collective(request, collective_id)
        selected = set(collective.members.values_list("pk", flat=True))
        form = CollectiveForm(collective.organisation, initial={"members": list(selected)})
        return self.page(request, collective, form, selected)

    def post(self, request, collective_id):
        collective = self.get_collective(request, collective_id)
        require(request.user, "units.change_collective", collective)
        form = CollectiveForm(collective.organisation, request.POST)
        if not form.is_valid():
            selected = {int(v) for v in request.POST.getlist("members") if v.isdigit()}
            return self.page(request, collective, form, selected)
        members = list(form.cleaned_data["members"])
        pick = request.POST.get("pick", "")
        if pick:
            return self.quick_pick(request, collective, form, members, pick)
        try:
            set_collective_members(collective, members, request.user, form.cleaned_data["reason"])
        except directory.DirectoryError as error:
            form.add_error(None, str(error))
            return self.page(request, collective, form, {u.pk for u in members})
        messages.success(
            request,
            f"已保存“{collective.phrase}”的成员单位（{len(members)}个），相关任务分工已同步更新。",
        )
        return redirect("directory:collective", collective_id=collective.pk)

    def quick_pick(self, request, collective, form, members, pick):
        """Add a group of units to the ticked ones; nothing is saved until 保存."""
        selected = {u.pk for u in members}
        if pick == "clear":
            selected = set()
        elif pick in _quick_picks():
            label, lookup = _quick_picks()[pick]
            picked = Unit.objects.filter(organisation=collective.organisation, **lookup)
            selected |= set(picked.values_list("pk", flat=True))
            messages.info(request, f"已勾选{label}，请核对后点击“保存成员”。")
        return self.page(request, collective, form, selected)

    def page(self, request, collective, form, selected):
        units = Unit.objects.filter(organisation=collective.organisation).select_related("region")
        links = (
            MeasureCollective.objects.filter(collective=collective, measure__withdrawn=False)
            .select_related("measure__plan")
            .prefetch_related(
                Prefetch(
                    "measure__assignments",
                    queryset=Assignment.objects.filter(via=collective).select_related("unit"),
                    to_attr="expanded",
                )
            )
            .order_by("measure__plan_id", "measure__position")
        )
        return render(
            request,
            "directory/collective.html",
            {
                "collective": collective,
                "form": form,
                "groups": grouped(units),
                "selected": selected,
                "links": links,
                "quick_picks": [(value, label) for value, (label, _) in _quick_picks().items()],
                "can_change": request.user.has_perm("units.change_collective", collective),
                "back": reverse("directory:collectives"),
            },
        )
