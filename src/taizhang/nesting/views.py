"""The pages of plans that nest: links to the plan above (confirmed by the plan's office),
the coverage matrix of a parent plan, and two plans compared side by side. The links are
written by plans.linking; everything else here only reads."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from taizhang.accounts.access import load
from taizhang.nesting import comparing, export
from taizhang.plans import coverage as plan_coverage
from taizhang.plans import linking
from taizhang.plans.models import Plan
from taizhang.web.downloads import XLSX, download
from taizhang.web.views import ActionView

PLANS = Plan.objects.select_related("region", "parent__region")
NOT_VISIBLE = "您无权查看该实施方案。"


def visible_plan(user, plan_id) -> Plan:
    return load(user, PLANS, plan_id, "plans.view_plan", NOT_VISIBLE)


class LinksView(LoginRequiredMixin, TemplateView):
    """Each measure of a plan with a parent, its ranked candidates above and the links
    confirmed; the plan's office ticks, changes or clears them and saves."""

    template_name = "nesting/links.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        plan = visible_plan(user, self.kwargs["plan_id"])
        if plan.parent_id is None:
            raise Http404("该方案没有上级方案。")
        rows = linking.proposals(plan)
        parents = list(plan.parent.measures.filter(withdrawn=False).order_by("position"))
        return super().get_context_data(
            plan=plan,
            rows=rows,
            parents=parents,
            may_link=user.has_perm("plans.link_measures", plan),
            checked=sum(1 for row in rows if row.checked),
            threshold=linking.THRESHOLD,
            **kwargs,
        )


class LinksForm(forms.Form):
    """The decisions posted from the links page: for each measure listed (``measure``),
    the parent measures ticked (``parents-<id>``) and one picked from the list
    (``other-<id>``)."""

    def __init__(self, data=None, files=None):
        super().__init__(data, files)
        self.decisions: dict[int, list[int]] = {}

    def clean(self):
        try:
            for raw in self.data.getlist("measure"):
                pk = int(raw)
                chosen = {int(v) for v in self.data.getlist(f"parents-{pk}")}
                other = self.data.get(f"other-{pk}", "")
                if other:
                    chosen.add(int(other))
                self.decisions[pk] = sorted(chosen)
        except ValueError as error:
            raise forms.ValidationError("提交的内容无法识别，请刷新页面后重试。") from error
        if not self.decisions:
            raise forms.ValidationError("没有要保存的任务。")
        return super().clean()


class SaveLinksView(ActionView):
    queryset = PLANS
    pk_url_kwarg = "plan_id"
    permission = "plans.link_measures"
    refused = "只有本方案所属地区的依法治理办可以核对上级任务对应。"
    form_class = LinksForm

    def act(self, form):
        scores = linking.scores_of(self.object)
        return linking.set_links(self.object, self.request.user, form.decisions, scores)

    def done(self, result):
        if result is not None:
            messages.success(
                self.request, f"已保存：{result}项任务的上级任务对应有变化，已记入操作日志。"
            )
        return redirect("nesting:links", plan_id=self.object.pk)


class CoverageView(LoginRequiredMixin, TemplateView):
    """For a parent plan, the county × measure matrix; for a county plan, its measures
    that answer to nothing above."""

    template_name = "nesting/coverage.html"

    def get_context_data(self, **kwargs):
        plan = visible_plan(self.request.user, self.kwargs["plan_id"])
        matrix = plan_coverage.coverage(plan)
        return super().get_context_data(
            plan=plan,
            matrix=matrix if matrix.counties else None,
            counts=[
                (reach, label, matrix.count(reach))
                for reach, label in plan_coverage.REACH_LABELS.items()
            ],
            unanswered=plan_coverage.unanswered(plan) if plan.parent_id else None,
            rule=plan_coverage.COVERAGE_RULE,
            **kwargs,
        )


class CoverageExportView(LoginRequiredMixin, View):
    def get(self, request, plan_id: int):
        plan = visible_plan(request.user, plan_id)
        today = timezone.localdate()
        return download(
            export.coverage_bytes(plan_coverage.coverage(plan)),
            XLSX,
            f"{plan.title}县级承接情况（{today.year}年{today.month}月{today.day}日）.xlsx",
            f"coverage-{plan.pk}-{today:%Y%m%d}.xlsx",
        )


class CompareForm(forms.Form):
    left = forms.ModelChoiceField(
        label="方案一", queryset=Plan.objects.none(), empty_label="— 请选择 —"
    )
    right = forms.ModelChoiceField(
        label="方案二", queryset=Plan.objects.none(), empty_label="— 请选择 —"
    )

    def __init__(self, data=None, *, user):
        super().__init__(data)
        plans = Plan.objects.for_user(user).only("pk", "title")
        self.fields["left"].queryset = self.fields["right"].queryset = plans

    def clean(self):
        data = super().clean()
        if data.get("left") and data.get("left") == data.get("right"):
            raise forms.ValidationError("请选择两个不同的方案。")
        return data


def _compare_form(request) -> CompareForm:
    """Bound once both plans are chosen; a link naming one plan preselects it."""
    query = request.GET
    if query.get("left") and query.get("right"):
        return CompareForm(query, user=request.user)
    form = CompareForm(user=request.user)
    form.initial = {key: query[key] for key in ("left", "right") if query.get(key, "").isdigit()}
    return form


class CompareView(LoginRequiredMixin, TemplateView):
    template_name = "nesting/compare.html"

    def get_context_data(self, **kwargs):
        form = _compare_form(self.request)
        result = None
        if form.is_bound and form.is_valid():
            result = comparing.compare(form.cleaned_data["left"], form.cleaned_data["right"])
        return super().get_context_data(
            form=form, result=result, query=self.request.GET.urlencode(), **kwargs
        )


class CompareExportView(LoginRequiredMixin, View):
    def get(self, request):
        form = _compare_form(request)
        if not form.is_bound or not form.is_valid():
            messages.error(request, "请先选择要比较的两个方案。")
            return redirect("nesting:compare")
        result = comparing.compare(form.cleaned_data["left"], form.cleaned_data["right"])
        today = timezone.localdate()
        return download(
            export.comparison_bytes(result),
            XLSX,
            f"方案对照（{today.year}年{today.month}月{today.day}日）.xlsx",
            f"compare-{result.left.pk}-{result.right.pk}-{today:%Y%m%d}.xlsx",
        )
