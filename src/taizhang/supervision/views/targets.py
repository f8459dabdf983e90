"""Target pages: the overview of a plan's targets with their status, and one target's
settings, trajectory and readings (the office edits; whoever sees the measure reads)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
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
from taizhang.web.views import ActionView


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
            reading_form = ReadingForm(initial={"measured_on": today}, target=target)
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


class TargetActionView(ActionView):
    """An office's change to a target (tracking settings, a reading): back to the target's
    page, or that page again with the form's errors."""

    queryset = TARGETS
    pk_url_kwarg = "target_id"
    permission = "supervision.change_target"
    refused = "只有依法治理办可以修改目标。"

    def done(self, result):
        return redirect("supervision:target", target_id=self.object.pk)

    def invalid(self, form):
        messages.error(self.request, "请按提示修改后重新提交。")
        forms = {self.form_name: form}
        return TargetView().render(self.request, self.object, **forms, status=400)


class TrackingView(TargetActionView):
    form_name = "tracking_form"
    success_message = "已保存目标进度设置。"

    def get_form(self, data=None, files=None):
        return TrackingForm(data, years=_years(self.object))

    def act(self, form):
        data = form.cleaned_data
        return tracking.save_tracking(
            self.object,
            self.request.user,
            baseline=data["baseline"],
            baseline_on=data["baseline_on"],
            deadline=data["deadline"],
            trajectory=data["trajectory"],
            milestones=form.milestones(),
        )


class ReadingAddView(TargetActionView):
    form_name = "reading_form"
    form_class = ReadingForm
    success_message = "已录入实际值。"

    def get_form(self, data=None, files=None):
        return ReadingForm(data, target=self.object)

    def act(self, form):
        data = form.cleaned_data
        return tracking.add_reading(
            self.object,
            self.request.user,
            data["measured_on"],
            data["value"],
            data["source"],
            data.get("denominator"),
        )


class ReadingDeleteView(TargetActionView):
    success_message = "已删除该实际值。"

    def act(self, form):
        reading = get_object_or_404(TargetReading, target=self.object, pk=self.kwargs["reading_id"])
        tracking.delete_reading(reading, self.request.user)


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
