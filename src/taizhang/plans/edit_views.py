"""The office's pages for correcting the ledger: a measure's text, units, place, archive
and restore; adding a measure; archiving, restoring and deleting a plan. Each page shows
its form on GET and acts on POST through plans.editing (web.views.ActionView)."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.views.generic import TemplateView

from taizhang.accounts.access import load, require
from taizhang.plans import editing
from taizhang.plans.edit_forms import (
    TEXT_FIELDS,
    MeasureAddForm,
    MeasureMoveForm,
    MeasureTextForm,
    MeasureUnitsForm,
    ReasonForm,
)
from taizhang.plans.models import Measure, Plan
from taizhang.web.views import ActionView

OFFICE_ONLY = "只有依法治理办可以修改台账。"
MEASURES = Measure.objects.select_related("plan", "plan__organisation", "chapter", "section")


class FormPage(ActionView):
    """An ActionView whose form is a page of its own: GET shows it, a refusal shows it
    again with the message."""

    http_method_names = ["get", "post"]
    template_name = "plans/edit_form.html"
    refused = OFFICE_ONLY
    heading = ""
    intro = ""
    submit = "保存"
    danger = False

    def get(self, request, *args, **kwargs):
        return self.render(self.get_form())

    def invalid(self, form):
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "view": self, **self.context()}
        return render(self.request, self.template_name, context, status=status)

    def context(self) -> dict:
        return {}


class MeasurePage(FormPage):
    queryset = MEASURES
    pk_url_kwarg = "measure_id"
    permission = "plans.change_measure"

    def context(self):
        return {"measure": self.object, "plan": self.object.plan}

    def version(self, form):
        return form.cleaned_data.get("version")

    def done(self, result):
        measure = self.object
        if Measure.objects.filter(pk=measure.pk, withdrawn=True).exists():
            return redirect("editing:archived_measures", plan_id=measure.plan_id)
        return redirect("ledger:measure", plan_id=measure.plan_id, measure_id=measure.pk)


class MeasureEditView(MeasurePage):
    heading = "修改任务内容"
    success_message = "已保存任务内容。"

    def get_form(self, data=None, files=None):
        return MeasureTextForm(data, measure=self.object)

    def act(self, form):
        data = form.cleaned_data
        fields = {name: data[name] for name in TEXT_FIELDS}
        return editing.edit_measure(
            self.object, self.request.user, self.version(form), data["reason"], **fields
        )


class MeasureUnitsView(MeasurePage):
    heading = "调整分工单位"
    intro = (
        "直接点名的单位按所选职责承担；所列统称的成员单位随统称承担。"
        "移出的单位如已填写过进展报告，其分工结束但报告保留，不再要求报送。"
    )
    success_message = "已保存分工单位。"

    def get_form(self, data=None, files=None):
        return MeasureUnitsForm(
            data, organisation=self.object.plan.organisation, measure=self.object
        )

    def act(self, form):
        return editing.set_measure_units(
            self.object,
            self.request.user,
            self.version(form),
            form.cleaned_data["reason"],
            **form.units(),
        )


class MeasureMoveView(MeasurePage):
    heading = "移动任务"
    intro = "任务的序号、分工和进展报告不变，只改变所在的章节和排列位置。"
    success_message = "已移动任务。"

    def get_form(self, data=None, files=None):
        return MeasureMoveForm(data, measure=self.object)

    def act(self, form):
        data = form.cleaned_data
        return editing.move_measure(
            self.object,
            self.request.user,
            self.version(form),
            data["reason"],
            data["chapter"],
            data["section"],
            before=data["before"],
        )


class MeasureReasonPage(MeasurePage):
    """An action on a measure that asks only for the reason (``write``: the write path)."""

    write = None

    def get_form(self, data=None, files=None):
        return ReasonForm(data, measure=self.object)

    def act(self, form):
        reason = form.cleaned_data["reason"]
        return self.write(self.object, self.request.user, self.version(form), reason)


class MeasureArchiveView(MeasureReasonPage):
    heading = "归档任务"
    intro = (
        "归档后，该任务不再出现在台账、待办、督办和考核中，各单位不再需要报送；"
        "已报送的进展报告全部保留，可随时恢复。"
    )
    submit = "归档"
    danger = True
    success_message = "已归档该任务，可在“已归档任务”中恢复。"

    write = staticmethod(editing.archive_measure)


class MeasureRestoreView(MeasureReasonPage):
    heading = "恢复任务"
    intro = (
        "恢复后，该任务重新出现在台账中，各分工单位按报送周期报送；"
        "原序号已被在用任务占用的，接续最后一项在用任务编号、排在所属章节末尾，督办事项依次顺延，"
        "其牵头和责任单位会收到编号调整的消息。"
    )
    submit = "恢复"
    success_message = "已恢复该任务。"

    write = staticmethod(editing.restore_measure)


class PlanPage(FormPage):
    queryset = Plan.objects.select_related("organisation", "region", "version_by")
    pk_url_kwarg = "plan_id"
    permission = "plans.change_plan"

    def context(self):
        plan = self.object
        facts = [
            ("任务数", f"{plan.measures.filter(withdrawn=False).count()}项"),
            ("已报送进展的分工", f"{editing.reported_on(plan)}项"),
            ("当前版本", plan.version_line),
            ("来源文件", plan.source_name or "—"),
        ]
        return {"plan": plan, "facts": facts}

    def get_form(self, data=None, files=None):
        return ReasonForm(data)


class MeasureAddView(PlanPage):
    heading = "新增任务"
    intro = "用于补录解析遗漏的任务或会议新增的任务；新增记入操作日志。"
    success_message = "已新增任务。"

    def get_form(self, data=None, files=None):
        return MeasureAddForm(data, plan=self.object)

    def act(self, form):
        data = form.cleaned_data
        fields = {name: data[name] for name in ("chapter", "section", "number", *TEXT_FIELDS)}
        return editing.add_measure(
            self.object, self.request.user, data["reason"], **fields, **form.units()
        )

    def done(self, result):
        return redirect("ledger:measure", plan_id=result.plan_id, measure_id=result.pk)


class PlanArchiveView(PlanPage):
    heading = "归档方案"
    intro = (
        "归档后，该方案从所有列表、待办、督办和统计中隐去，数据全部保留，"
        "可在“已归档方案”中恢复。重复导入的方案请归档或删除。"
    )
    submit = "归档"
    danger = True
    success_message = "已归档该方案，可在“已归档方案”中恢复。"

    def act(self, form):
        return editing.archive_plan(self.object, self.request.user, form.cleaned_data["reason"])

    def done(self, result):
        return redirect("editing:archived_plans")


class PlanDeleteView(PlanPage):
    heading = "删除方案"
    submit = "删除"
    danger = True
    success_message = "已删除该方案。"

    @property
    def intro(self):
        reported = editing.reported_on(self.object)
        if reported:
            return editing.cannot_delete(reported)
        return "该方案尚无任何进展报告，可以删除（如重复导入）。删除后不可恢复，记入操作日志。"

    def act(self, form):
        return editing.delete_plan(self.object, self.request.user, form.cleaned_data["reason"])

    def done(self, result):
        return redirect("ledger:list")


class PlanRestoreView(ActionView):
    queryset = Plan.all_objects.filter(archived_at__isnull=False)
    pk_url_kwarg = "plan_id"
    permission = "plans.change_plan"
    refused = OFFICE_ONLY
    form_class = ReasonForm
    success_message = "已恢复该方案。"

    def act(self, form):
        return editing.restore_plan(self.object, self.request.user, form.cleaned_data["reason"])

    def done(self, result):
        if result is None:
            return redirect("editing:archived_plans")
        return redirect("ledger:ledger", plan_id=result.pk)


class ArchivedMeasuresView(LoginRequiredMixin, TemplateView):
    template_name = "plans/archived_measures.html"

    def get_context_data(self, **kwargs):
        plan = load(
            self.request.user,
            Plan.objects,
            self.kwargs["plan_id"],
            "plans.change_plan",
            OFFICE_ONLY,
        )
        measures = plan.measures.filter(withdrawn=True).select_related("chapter", "source")
        return super().get_context_data(plan=plan, measures=measures, **kwargs)


class ArchivedPlansView(LoginRequiredMixin, TemplateView):
    template_name = "plans/archived_plans.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        require(user, "plans.import_plan", None, OFFICE_ONLY)
        # the plans the person runs: a county office its county's only
        plans = (
            Plan.all_objects.run_by(user).filter(archived_at__isnull=False).select_related("region")
        )
        return super().get_context_data(plans=plans, form=ReasonForm(), **kwargs)
