"""Recurring duties: the plan's duties with each carrying unit's count for a year, and one
duty's page where units record fulfilments (their own unit; a county office its
county's units)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from taizhang.accounts.access import load, require
from taizhang.plans.models import Measure, RecurringDuty
from taizhang.supervision import duties
from taizhang.supervision.forms import FulfilmentForm
from taizhang.supervision.models import DutyFulfilment
from taizhang.supervision.views.common import DUTIES, FULFILMENTS, PLANS, year_choice
from taizhang.units.models import Unit


def _shown(user, assignment) -> bool:
    """Office, leaders: every carrying unit; staff their unit; a county its units."""
    return user.has_perm("plans.view_assignment", assignment)


def _state(done: int, expected: int, year: int, today) -> tuple[str, str]:
    if done >= expected:
        return "done", "已完成"
    if year < today.year:
        return "lagging", "未完成（已逾期）"
    return "in_progress", "进行中"


class DutiesView(LoginRequiredMixin, View):
    template_name = "supervision/duties.html"

    def get(self, request, plan_id):
        plan = load(request.user, PLANS, plan_id)
        require(request.user, "plans.view_plan", plan, "您无权查看该实施方案。")
        today = timezone.localdate()
        years = duties.duty_years(plan, today) or [today.year]
        year = year_choice(request, years[-1], years[0], years[-1])
        listed = list(
            RecurringDuty.objects.filter(
                measure__in=Measure.objects.filter(plan=plan, withdrawn=False)
                .for_user(request.user)
                .values("pk")
            )
            .select_related("measure")
            .order_by("measure__position", "id")
        )
        owed = duties.carriers(listed)
        done = duties.done_counts([d.pk for d in listed], [year])
        rows = []
        for duty in listed:
            units = []
            for assignment in owed[duty.pk]:
                if not _shown(request.user, assignment):
                    continue
                count = done.get((duty.pk, assignment.unit_id, year), 0)
                css, label = _state(count, duty.times_per_year, year, today)
                units.append({"assignment": assignment, "done": count, "css": css, "label": label})
            rows.append({"duty": duty, "units": units})
        context = {"plan": plan, "rows": rows, "year": year, "years": years, "today": today}
        return render(request, self.template_name, context)


class DutyView(LoginRequiredMixin, View):
    template_name = "supervision/duty.html"

    def load(self, request, duty_id):
        duty = load(request.user, DUTIES, duty_id)
        require(request.user, "supervision.view_duty", duty, "您无权查看该任务。")
        return duty

    def units(self, request, duty):
        """The units this person may record for on this duty."""
        if not request.user.has_perm("supervision.record_fulfilment", duty):
            return None
        return (
            Unit.objects.filed_by(request.user).filter(assignments__measure=duty.measure).distinct()
        )

    def get(self, request, duty_id):
        duty = self.load(request, duty_id)
        units = self.units(request, duty)
        form = None
        if units is not None:
            form = FulfilmentForm(units=units, initial={"happened_on": timezone.localdate()})
        return self.render(request, duty, form)

    def post(self, request, duty_id):
        duty = self.load(request, duty_id)
        units = self.units(request, duty)
        require(
            request.user,
            "supervision.record_fulfilment",
            duty,
            "只有承担该任务的单位可以登记落实情况。",
        )
        form = FulfilmentForm(request.POST, request.FILES, units=units)
        if form.is_valid():
            data = form.cleaned_data
            try:
                duties.record_fulfilment(
                    duty,
                    data["unit"],
                    request.user,
                    data["happened_on"],
                    data["note"],
                    data["evidence"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "已登记落实情况。")
                return redirect("supervision:duty", duty_id=duty.pk)
        messages.error(request, "请按提示修改后重新提交。")
        return self.render(request, duty, form, status=400)

    def render(self, request, duty, form, status=200):
        today = timezone.localdate()
        plan = duty.measure.plan
        years = duties.duty_years(plan, today) or [today.year]
        year = year_choice(request, years[-1], years[0], years[-1])
        owed = duties.carriers([duty])[duty.pk]
        done = duties.done_counts([duty.pk], [year])
        counts = []
        for assignment in owed:
            if _shown(request.user, assignment):
                count = done.get((duty.pk, assignment.unit_id, year), 0)
                css, label = _state(count, duty.times_per_year, year, today)
                counts.append({"assignment": assignment, "done": count, "css": css, "label": label})
        shown_units = {row["assignment"].unit_id for row in counts}
        fulfilments = [
            f
            for f in DutyFulfilment.objects.filter(duty=duty)
            .select_related("unit", "recorded_by")
            .order_by("-happened_on", "-id")
            if f.unit_id in shown_units
        ]
        context = {
            "duty": duty,
            "measure": duty.measure,
            "plan": plan,
            "year": year,
            "years": years,
            "counts": counts,
            "fulfilments": fulfilments,
            "form": form,
        }
        return render(request, self.template_name, context, status=status)


class FulfilmentEvidenceView(LoginRequiredMixin, View):
    def get(self, request, fulfilment_id):
        fulfilment = load(request.user, FULFILMENTS, fulfilment_id)
        require(request.user, "supervision.view_duty", fulfilment.duty, "您无权查看该材料。")
        if not fulfilment.evidence:
            raise Http404("该记录没有佐证材料。")
        try:
            handle = fulfilment.evidence.open("rb")
        except FileNotFoundError as missing:
            raise Http404("文件不存在。") from missing
        return FileResponse(
            handle, as_attachment=True, filename=fulfilment.evidence_name or "佐证材料"
        )
