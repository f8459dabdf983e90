"""The office's edits: a measure's deadline date and the regions' population."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views import View

from taizhang.accounts.access import load, require
from taizhang.plans import editing
from taizhang.reporting.models import approved_deadlines
from taizhang.supervision.forms import DeadlineForm
from taizhang.supervision.views.common import MEASURES
from taizhang.units.models import Region


class OfficeOnlyMixin(LoginRequiredMixin):
    """The role check comes before any lookup: other roles learn nothing about ids."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(
            "supervision.manage_population"
        ):
            raise PermissionDenied("只有依法治理办可以进行此操作。")
        return super().dispatch(request, *args, **kwargs)


class MeasureDeadlineView(OfficeOnlyMixin, View):
    template_name = "supervision/measure_deadline.html"

    def load(self, request, measure_id):
        measure = load(request.user, MEASURES, measure_id)
        require(request.user, "supervision.change_deadline", measure)
        return measure

    def get(self, request, measure_id):
        measure = self.load(request, measure_id)
        form = DeadlineForm(initial={"deadline": measure.deadline})
        return self.render(request, measure, form)

    def post(self, request, measure_id):
        measure = self.load(request, measure_id)
        form = DeadlineForm(request.POST)
        if form.is_valid():
            try:
                editing.set_measure_deadline(
                    measure,
                    request.user,
                    form.cleaned_data["deadline"],
                    form.cleaned_data["reason"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"已保存任务{measure.number}的截止日期。")
                return redirect("ledger:measure", plan_id=measure.plan_id, measure_id=measure.pk)
        messages.error(request, "请按提示修改后重新提交。")
        return self.render(request, measure, form, status=400)

    def render(self, request, measure, form, status=200):
        extended, _ = approved_deadlines([measure.pk])
        context = {
            "measure": measure,
            "plan": measure.plan,
            "form": form,
            # the later date the office approved the lead unit (延期申请), which decides 滞后
            "extended_to": extended.get(measure.pk),
        }
        return render(request, self.template_name, context, status=status)


class PopulationView(OfficeOnlyMixin, View):
    template_name = "supervision/population.html"

    def regions(self, request):
        return list(
            Region.objects.filter(
                organisation_id=request.user.organisation_id,
                level__in=(Region.Level.PREFECTURE, Region.Level.COUNTY),
            ).order_by("level", "id")
        )

    def get(self, request):
        return render(request, self.template_name, {"regions": self.regions(request)})

    def post(self, request):
        regions = self.regions(request)
        values, errors = {}, []
        for region in regions:
            raw = request.POST.get(f"population_{region.pk}", "").strip().replace(",", "")
            if raw == "":
                values[region.pk] = None
            elif raw.isdigit():
                values[region.pk] = int(raw)
            else:
                errors.append(f"{region.name}的常住人口应为正整数。")
            region.entered = raw
        if not errors:
            try:
                changed = editing.set_populations(request.user.organisation, request.user, values)
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                messages.success(request, f"已保存常住人口（{changed}个地区有变化）。")
                return redirect("supervision:population")
        for error in errors[:1]:
            messages.error(request, error)
        return render(request, self.template_name, {"regions": regions, "posted": True}, status=400)
