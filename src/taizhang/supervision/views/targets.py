"""Target pages: the overview of a plan's targets with their status, and one target's
settings, trajectory and readings (the office edits; whoever sees the measure reads)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from taizhang.accounts.access import load, require
from taizhang.plans.models import Measure, Target
from taizhang.reporting.models import IndicatorValue
from taizhang.supervision import chart, tracking, trajectory
from taizhang.supervision.forms import ReadingForm, TrackingForm
from taizhang.supervision.models import TargetReading
from taizhang.supervision.progress import (
    Status,
    assess_inputs,
    inputs_of_targets,
)
from taizhang.supervision.views.common import BADGES, PLANS, TARGETS


def _comparator(target) -> str:
    return {">=": "≥", "=": "达到", "<=": "≤"}.get(target.comparator, target.comparator)


class TargetsView(LoginRequiredMixin, View):
    template_name = "supervision/targets.html"

    def get(self, request, plan_id):
        plan = load(request.user, PLANS, plan_id)
        require(request.user, "plans.view_plan", plan, "您无权查看该实施方案。")
        today = timezone.localdate()
        targets = list(
            Target.objects.filter(plan=plan)
            .filter(
                Q(measure__isnull=True)
                | Q(
                    measure__in=Measure.objects.filter(plan=plan, withdrawn=False)
                    .for_user(request.user)
                    .values("pk")
                )
            )
            .select_related("measure")
            .order_by("measure__position", "id")
        )
        inputs = inputs_of_targets(targets)
        rows = []
        for target in targets:
            progress = assess_inputs(inputs[target.pk], today)
            rows.append(
                {
                    "target": target,
                    "progress": progress,
                    "badge": BADGES[progress.status],
                    "comparator": _comparator(target),
                    "baseline": inputs[target.pk].baseline,
                }
            )
        counts = Counter(row["progress"].status for row in rows)
        wanted = request.GET.get("status", "")
        if wanted in Status.LABELS:
            rows = [row for row in rows if row["progress"].status == wanted]
        context = {
            "plan": plan,
            "rows": rows,
            "today": today,
            "stats": [
                (status, label, counts.get(status, 0), BADGES[status])
                for status, label in Status.LABELS.items()
            ],
            "total": sum(counts.values()),
            "wanted": wanted,
            "may_edit": request.user.has_perm("supervision.manage_population"),
        }
        return render(request, self.template_name, context)


class TargetView(LoginRequiredMixin, View):
    template_name = "supervision/target.html"

    def load(self, request, target_id):
        target = load(request.user, TARGETS, target_id)
        require(request.user, "supervision.view_target", target, "您无权查看该目标。")
        return target

    def get(self, request, target_id):
        target = self.load(request, target_id)
        return self.render(request, target)

    def post(self, request, target_id):
        target = self.load(request, target_id)
        require(request.user, "supervision.change_target", target, "只有依法治理办可以修改目标。")
        action = request.POST.get("action")
        tracking_form = reading_form = None
        try:
            if action == "tracking":
                tracking_form = TrackingForm(request.POST, years=_years(target))
                if tracking_form.is_valid():
                    data = tracking_form.cleaned_data
                    tracking.save_tracking(
                        target,
                        request.user,
                        baseline=data["baseline"],
                        baseline_on=data["baseline_on"],
                        deadline=data["deadline"],
                        trajectory=data["trajectory"],
                        milestones=tracking_form.milestones(),
                    )
                    messages.success(request, "已保存目标进度设置。")
                    return redirect("supervision:target", target_id=target.pk)
            elif action == "reading":
                reading_form = ReadingForm(request.POST)
                if reading_form.is_valid():
                    data = reading_form.cleaned_data
                    tracking.add_reading(
                        target, request.user, data["measured_on"], data["value"], data["source"]
                    )
                    messages.success(request, "已录入实际值。")
                    return redirect("supervision:target", target_id=target.pk)
            elif action == "delete_reading":
                reading = TargetReading.objects.filter(
                    target=target, pk=request.POST.get("reading_id") or 0
                ).first()
                if reading is None:
                    messages.error(request, "该实际值不存在或已被删除。")
                else:
                    tracking.delete_reading(reading, request.user)
                    messages.success(request, "已删除该实际值。")
                return redirect("supervision:target", target_id=target.pk)
            else:
                messages.error(request, "无法识别的操作。")
                return redirect("supervision:target", target_id=target.pk)
        except ValidationError as error:
            form = tracking_form or reading_form
            form.add_error(None, error)
        messages.error(request, "请按提示修改后重新提交。")
        return self.render(request, target, tracking_form, reading_form, status=400)

    def render(self, request, target, tracking_form=None, reading_form=None, status=200):
        today = timezone.localdate()
        inputs = inputs_of_targets([target])[target.pk]
        target = inputs.target  # with its tracking loaded
        progress = assess_inputs(inputs, today)
        settings = target.tracking if _tracking(target) else None
        may_edit = request.user.has_perm("supervision.change_target", target)
        if may_edit and tracking_form is None:
            milestones = dict(target.milestones.values_list("year", "value"))
            initial = {
                "baseline": settings.baseline if settings else target.baseline,
                "baseline_on": settings.baseline_on if settings else None,
                "deadline": settings.deadline if settings else None,
                "trajectory": settings.trajectory if settings else "linear",
                **{f"milestone_{y}": v for y, v in milestones.items()},
            }
            tracking_form = TrackingForm(initial=initial, years=_years(target))
        if may_edit and reading_form is None:
            reading_form = ReadingForm(initial={"measured_on": today})
        expected_line = _expected_line(inputs)
        drawing = None
        if inputs.deadline and not inputs.problem:
            drawing = chart.build(
                expected_line,
                inputs.readings,
                target.value,
                inputs.deadline,
                today,
                progress.projected,
            )
        context = {
            "target": target,
            "measure": target.measure,
            "plan": target.plan,
            "progress": progress,
            "badge": BADGES[progress.status],
            "comparator": _comparator(target),
            "inputs": inputs,
            "settings": settings,
            "chart": drawing,
            "table": _trajectory_table(inputs, expected_line),
            "office_readings": list(
                TargetReading.objects.filter(target=target).select_related("recorded_by")
            ),
            "unit_values": list(
                IndicatorValue.objects.filter(target=target)
                .select_related("report__period", "report__assignment__unit")
                .order_by("-report__period__ends_on")
            ),
            "may_edit": may_edit,
            "tracking_form": tracking_form,
            "reading_form": reading_form,
            "per_size": trajectory.per_size(target.per) if target.per else None,
        }
        return render(request, self.template_name, context, status=status)


def _tracking(target) -> bool:
    from django.core.exceptions import ObjectDoesNotExist

    try:
        return target.tracking is not None
    except ObjectDoesNotExist:
        return False


def _years(target) -> list[int]:
    plan = target.plan
    first = plan.start_year or timezone.localdate().year
    last = target.year or plan.end_year or first
    return list(range(first, max(first, last) + 1))


def _expected_line(inputs):
    if inputs.deadline is None or inputs.problem:
        return []
    start = None
    if inputs.baseline is not None:
        on = inputs.baseline[0] or (inputs.readings[0][0] if inputs.readings else None)
        start = (on, inputs.baseline[1]) if on else None
    elif inputs.readings:
        start = inputs.readings[0]
    if start is None:
        return []
    return trajectory.trajectory_points(
        start, inputs.target.value, inputs.deadline, inputs.milestones
    )


def _trajectory_table(inputs, expected_line):
    """Year ends: the value expected on the trajectory and the latest reading by then."""
    if not expected_line:
        return []
    rows = []
    first, last = expected_line[0][0].year, inputs.deadline.year
    for year in range(first, last + 1):
        day = min(inputs.deadline, date(year, 12, 31))
        expected = trajectory.interpolate(expected_line, day)
        seen = [v for d, v in inputs.readings if d <= day and d.year == year]
        rows.append({"day": day, "expected": expected, "actual": seen[-1] if seen else None})
    return rows
