"""Pages of the assessment: schemes, one scheme's indicators and bonus/penalty items, the
ranking tables, a unit's and a county's breakdown, publishing. Changes go through
assessment.services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from taizhang.accounts.models import Role
from taizhang.assessment import access, services
from taizhang.assessment.export import ranking_workbook
from taizhang.assessment.forms import AdjustmentForm, IndicatorForm, SchemeForm
from taizhang.assessment.models import Indicator, Scheme
from taizhang.assessment.results import results
from taizhang.assessment.scoring import STATUS_LABELS, params_in_words
from taizhang.plans.scoping import visible_plans
from taizhang.units.models import Region, Unit
from taizhang.web.downloads import XLSX, attachment

OFFICE_ONLY = "只有依法治理办可以制定、修改和发布考核方案。"


def _errors(error: ValidationError) -> str:
    return "；".join(error.messages)


class SchemeListView(LoginRequiredMixin, View):
    """Every scheme of the organisation. The office creates them here; units and county
    offices find their own scores from here."""

    def get(self, request):
        return self.page(request, self.form(request))

    def post(self, request):
        access.require(
            request.user, "assessment.create_scheme", None, "只有依法治理办可以制定考核方案。"
        )
        form = self.form(request, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                scheme = services.create_scheme(
                    request.user, data["plan"], data["year"], data["name"], data["with_defaults"]
                )
            except ValidationError as error:
                form.add_error(None, _errors(error))
            else:
                messages.success(request, f"已创建“{scheme.name}”，请设置考核指标。")
                return redirect("assessment:scheme", scheme_id=scheme.pk)
        return self.page(request, form, status=400)

    def form(self, request, data=None):
        if not access.may(request.user, "assessment.create_scheme"):
            return None
        plans = visible_plans(request.user).order_by("-created_at")
        form = SchemeForm(data, plans=plans)
        if data is None and len(only := list(plans[:2])) == 1:
            form.initial["plan"] = only[0]
        return form

    def page(self, request, form, status=200):
        user = request.user
        schemes = Scheme.objects.select_related("plan").annotate(
            indicator_count=Count("indicators"), total_weight=Sum("indicators__weight")
        )
        if user.role != Role.SYSTEM_ADMIN:
            schemes = schemes.filter(organisation_id=user.organisation_id)
        readers = access.may(user, "assessment.view_scheme", Scheme(organisation=user.organisation))
        return render(
            request,
            "assessment/schemes.html",
            {
                "schemes": schemes.order_by("-year", "-pk"),
                "form": form,
                "reads_all": readers or user.role == Role.SYSTEM_ADMIN,
                "county_unit": _county_unit(user),
            },
            status=status,
        )


def _county_unit(user) -> Unit | None:
    """The unit that names a county office's county in score URLs."""
    if user.role != Role.COUNTY_OFFICE or user.region_id is None:
        return None
    units = Unit.objects.filter(region_id=user.region_id).order_by("pk")
    return units.filter(name__endswith="人民政府").first() or units.first()


class SchemeView(LoginRequiredMixin, View):
    """A scheme: its indicators and their rules, its bonus and penalty items."""

    def get(self, request, scheme_id):
        scheme = access.scheme(request.user, scheme_id)
        access.require(request.user, "assessment.view_scheme", scheme)
        return self.page(request, scheme)

    def post(self, request, scheme_id):
        scheme = access.scheme(request.user, scheme_id)
        access.require(
            request.user, "assessment.change_scheme", scheme, "只有依法治理办可以修改考核方案。"
        )
        action = request.POST.get("action", "")
        handler = {
            "add_indicator": self.add_indicator,
            "edit_indicator": self.edit_indicator,
            "delete_indicator": self.delete_indicator,
            "add_adjustment": self.add_adjustment,
        }.get(action)
        if handler is None:
            messages.error(request, "未知的操作。")
            return redirect("assessment:scheme", scheme_id=scheme.pk)
        return handler(request, scheme)

    def add_indicator(self, request, scheme):
        form = IndicatorForm(request.POST, organisation=scheme.organisation)
        if form.is_valid():
            try:
                indicator = services.save_indicator(scheme, request.user, form.values())
            except ValidationError as error:
                messages.error(request, _errors(error))
            else:
                messages.success(request, f"已添加指标“{indicator.name}”，可在下方设置评分参数。")
                url = reverse("assessment:scheme", kwargs={"scheme_id": scheme.pk})
                return redirect(f"{url}?indicator={indicator.pk}#edit")
        return self.page(request, scheme, indicator_form=form, status=400)

    def edit_indicator(self, request, scheme):
        indicator = self.indicator(request, scheme)
        form = IndicatorForm.for_indicator(indicator, scheme.organisation, request.POST)
        if form.is_valid():
            try:
                services.save_indicator(scheme, request.user, form.values(), indicator)
            except ValidationError as error:
                messages.error(request, _errors(error))
            else:
                messages.success(request, f"已保存指标“{form.cleaned_data['name']}”。")
                return redirect("assessment:scheme", scheme_id=scheme.pk)
        return self.page(request, scheme, editing=(indicator, form), status=400)

    def delete_indicator(self, request, scheme):
        indicator = self.indicator(request, scheme)
        try:
            services.delete_indicator(scheme, request.user, indicator)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, f"已删除指标“{indicator.name}”。")
        return redirect("assessment:scheme", scheme_id=scheme.pk)

    def add_adjustment(self, request, scheme):
        form = AdjustmentForm(request.POST, request.FILES, units=_scored_units(scheme))
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.add_adjustment(
                    scheme,
                    request.user,
                    data["unit"],
                    data["points"],
                    data["reason"],
                    data.get("evidence"),
                )
            except ValidationError as error:
                form.add_error(None, _errors(error))
            else:
                messages.success(request, f"已为“{data['unit'].name}”登记加减分。")
                return redirect("assessment:scheme", scheme_id=scheme.pk)
        return self.page(request, scheme, adjustment_form=form, status=400)

    @staticmethod
    def indicator(request, scheme) -> Indicator:
        raw = request.POST.get("indicator") or request.GET.get("indicator") or ""
        found = scheme.indicators.filter(pk=raw).first() if raw.isdigit() else None
        if found is None:
            raise Http404("没有找到该指标。")
        return found

    def page(self, request, scheme, status=200, **forms):
        user = request.user
        can_change = access.may(user, "assessment.change_scheme", scheme) and (
            scheme.state == Scheme.State.DRAFT
        )
        indicators = list(scheme.indicators.all())
        editing = forms.get("editing")
        if editing is None and can_change and request.GET.get("indicator", "").isdigit():
            found = next((i for i in indicators if str(i.pk) == request.GET["indicator"]), None)
            if found is not None:
                editing = (found, IndicatorForm.for_indicator(found, scheme.organisation))
        adjustments = scheme.adjustments.select_related("unit", "created_by").order_by("pk")
        return render(
            request,
            "assessment/scheme.html",
            {
                "scheme": scheme,
                "indicators": [_described(i, scheme.organisation) for i in indicators],
                "total_weight": sum(i.weight for i in indicators),
                "adjustments": adjustments,
                "can_change": can_change,
                "may_change": access.may(user, "assessment.change_scheme", scheme),
                "indicator_form": forms.get("indicator_form")
                or IndicatorForm(organisation=scheme.organisation),
                "adjustment_form": forms.get("adjustment_form")
                or (AdjustmentForm(units=_scored_units(scheme)) if can_change else None),
                "editing": editing,
            },
            status=status,
        )


def _described(indicator: Indicator, organisation) -> dict:
    """An indicator with its rule parameters in words."""
    return {"object": indicator, "params": params_in_words(indicator)}


def _scored_units(scheme):
    """The units the scheme scores: those carrying measures of its plan."""
    return (
        Unit.objects.filter(
            assignments__measure__plan=scheme.plan, assignments__measure__withdrawn=False
        )
        .distinct()
        .order_by("level", "name")
    )


class AdjustmentDeleteView(LoginRequiredMixin, View):
    def post(self, request, adjustment_id):
        adjustment = access.adjustment(request.user, adjustment_id)
        scheme = adjustment.scheme
        access.require(
            request.user, "assessment.change_scheme", scheme, "只有依法治理办可以修改考核方案。"
        )
        try:
            services.delete_adjustment(adjustment, request.user)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, f"已删除“{adjustment.unit.name}”的加减分事项。")
        return redirect("assessment:scheme", scheme_id=scheme.pk)


class AdjustmentEvidenceView(LoginRequiredMixin, View):
    def get(self, request, adjustment_id):
        adjustment = access.adjustment(request.user, adjustment_id)
        access.require(request.user, "assessment.view_scheme", adjustment.scheme)
        if not adjustment.evidence:
            raise Http404("该事项没有佐证材料。")
        return FileResponse(
            adjustment.evidence.open("rb"),
            as_attachment=True,
            filename=adjustment.evidence_name or "佐证材料",
        )


class PublishView(LoginRequiredMixin, View):
    def post(self, request, scheme_id):
        scheme = access.scheme(request.user, scheme_id)
        access.require(
            request.user, "assessment.change_scheme", scheme, "只有依法治理办可以发布考核结果。"
        )
        try:
            services.publish(scheme, request.user)
        except ValidationError as error:
            messages.error(request, _errors(error))
            return redirect("assessment:scheme", scheme_id=scheme.pk)
        messages.success(request, "考核结果已发布。此后报告的变化不再影响已发布的得分。")
        return redirect("assessment:ranking", scheme_id=scheme.pk)


class RankingView(LoginRequiredMixin, View):
    def get(self, request, scheme_id):
        scheme = access.scheme(request.user, scheme_id)
        access.require(request.user, "assessment.view_scheme", scheme)
        found = results(scheme)
        return render(
            request,
            "assessment/ranking.html",
            {
                "scheme": scheme,
                "results": found,
                "tab": "counties" if request.GET.get("tab") == "counties" else "units",
                "can_publish": access.may(request.user, "assessment.change_scheme", scheme)
                and not found.published,
            },
        )


class UnitScoreView(LoginRequiredMixin, View):
    def get(self, request, scheme_id, unit_id):
        scheme = access.scheme(request.user, scheme_id)
        unit = access.unit_of(request.user, scheme, unit_id)
        access.require(request.user, "assessment.view_unit_score", access.subject(scheme, unit))
        found = results(scheme)
        entry = found.unit(unit.pk)
        if entry is None:
            raise Http404("该单位不在本考核方案的考核范围内。")
        return _breakdown(request, scheme, found, entry, unit=unit)


class CountyScoreView(LoginRequiredMixin, View):
    """A county's score; the county is named by one of its units (its 人民政府 in links)."""

    def get(self, request, scheme_id, unit_id):
        scheme = access.scheme(request.user, scheme_id)
        unit = access.unit_of(request.user, scheme, unit_id)
        region_ids = access.regions_of(unit)
        county = Region.objects.filter(pk__in=region_ids, level=Region.Level.COUNTY).first()
        if county is None:
            raise Http404("该单位不属于任何县(市、区)。")
        subject = access.subject(scheme, unit)
        access.require(request.user, "assessment.view_county_score", subject)
        found = results(scheme)
        entry = found.county(county.pk)
        if entry is None:
            raise Http404("该县(市、区)不在本考核方案的考核范围内。")
        return _breakdown(request, scheme, found, entry, county=county)


def _breakdown(request, scheme, found, entry, unit=None, county=None):
    facts = entry.facts
    statuses = facts.get("target_statuses", [])
    targets = [(STATUS_LABELS[s], statuses.count(s)) for s in STATUS_LABELS if s in statuses]
    return render(
        request,
        "assessment/score.html",
        {
            "scheme": scheme,
            "results": found,
            "entry": entry,
            "unit": unit,
            "county": county,
            "count": len(found.units if entry.kind == "unit" else found.counties),
            "targets": targets,
            "reads_all": access.may(request.user, "assessment.view_scheme", scheme),
        },
    )


class RankingExportView(LoginRequiredMixin, View):
    def get(self, request, scheme_id):
        scheme = access.scheme(request.user, scheme_id)
        access.require(request.user, "assessment.view_scheme", scheme)
        response = HttpResponse(ranking_workbook(results(scheme)), content_type=XLSX)
        response["Content-Disposition"] = attachment(
            f"{scheme.name}得分排名.xlsx", f"ranking-{scheme.pk}-{scheme.year}.xlsx"
        )
        return response
