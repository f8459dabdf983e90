"""Pages of the assessment: schemes, one scheme's indicators and bonus/penalty items, the
ranking tables, a unit's and a county's breakdown, publishing. Changes go through
assessment.services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from taizhang.accounts.access import load, of_organisation, require
from taizhang.accounts.models import Role
from taizhang.assessment import services
from taizhang.assessment.export import ranking_workbook
from taizhang.assessment.forms import AdjustmentForm, IndicatorForm, SchemeForm
from taizhang.assessment.models import Adjustment, Indicator, Scheme
from taizhang.assessment.results import LATEST_RESPONSE, results
from taizhang.assessment.rules import regions_of, subject
from taizhang.assessment.scoring import STATUS_LABELS, TIE_RULE, params_in_words
from taizhang.freshness.pages import kept_page
from taizhang.plans.models import Plan
from taizhang.reporting.status import ON_TIME_RULE, UNIT_COMPLETION_RULE
from taizhang.units.models import Region, Unit
from taizhang.web.downloads import XLSX, attachment
from taizhang.web.views import ActionView, first_error

OFFICE_ONLY = "只有依法治理办可以制定、修改和发布考核方案。"

SCHEMES = Scheme.objects.select_related("plan", "organisation", "published_by")
ADJUSTMENTS = Adjustment.objects.select_related("scheme__plan", "unit")


def unit_of(scheme: Scheme, unit_id: int) -> Unit:
    """A unit of the scheme's organisation (404 for any other)."""
    units = Unit.objects.select_related("region__parent")
    return get_object_or_404(units, pk=unit_id, organisation_id=scheme.organisation_id)


def _errors(error: ValidationError) -> str:
    return "；".join(error.messages)


class SchemeListView(LoginRequiredMixin, View):
    """Every scheme of the organisation. The office creates them here; units and county
    offices find their own scores from here."""

    def get(self, request):
        return self.page(request, self.form(request))

    def post(self, request):
        require(request.user, "assessment.create_scheme", None, "只有依法治理办可以制定考核方案。")
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
        if not request.user.has_perm("assessment.create_scheme"):
            return None
        plans = Plan.objects.for_user(request.user).order_by("-created_at")
        form = SchemeForm(data, plans=plans)
        if data is None and len(only := list(plans[:2])) == 1:
            form.initial["plan"] = only[0]
        return form

    def page(self, request, form, status=200):
        user = request.user
        schemes = of_organisation(user, Scheme.objects.select_related("plan")).annotate(
            indicator_count=Count("indicators"), total_weight=Sum("indicators__weight")
        )
        readers = user.has_perm("assessment.view_scheme", Scheme(organisation=user.organisation))
        return render(
            request,
            "assessment/schemes.html",
            {
                "schemes": schemes.order_by("-year", "-pk"),
                "form": form,
                "reads_all": readers,
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
        scheme = load(request.user, SCHEMES, scheme_id)
        require(request.user, "assessment.view_scheme", scheme)
        return self.page(request, scheme)

    def page(self, request, scheme, status=200, **forms):
        user = request.user
        can_change = user.has_perm("assessment.change_scheme", scheme) and (
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
                "may_change": user.has_perm("assessment.change_scheme", scheme),
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


class SchemeActionView(ActionView):
    """The office's change to a draft scheme: back to the scheme's page, or the page again
    with the form's errors."""

    queryset = SCHEMES
    pk_url_kwarg = "scheme_id"
    permission = "assessment.change_scheme"
    refused = "只有依法治理办可以修改考核方案。"

    @property
    def scheme(self) -> Scheme:
        return self.object

    def done(self, result):
        return redirect("assessment:scheme", scheme_id=self.scheme.pk)

    def invalid(self, form):
        messages.error(self.request, first_error(form))
        return SchemeView().page(self.request, self.scheme, status=400, **self.shown(form))

    def shown(self, form) -> dict:
        raise NotImplementedError


class IndicatorAddView(SchemeActionView):
    def get_form(self, data=None, files=None):
        return IndicatorForm(data, organisation=self.scheme.organisation)

    def act(self, form):
        return services.save_indicator(self.scheme, self.request.user, form.values())

    def done(self, indicator):
        if indicator is None:
            return super().done(indicator)
        messages.success(self.request, f"已添加指标“{indicator.name}”，可在下方设置评分参数。")
        url = reverse("assessment:scheme", kwargs={"scheme_id": self.scheme.pk})
        return redirect(f"{url}?indicator={indicator.pk}#edit")

    def shown(self, form):
        return {"indicator_form": form}


class SchemePartActionView(SchemeActionView):
    """An action on a part of a scheme (an indicator, an adjustment), asked of the
    scheme's rule."""

    queryset = Indicator.objects.select_related("scheme__plan", "scheme__organisation")
    pk_url_kwarg = "indicator_id"
    permission = ""

    def get_object(self):
        indicator = super().get_object()
        require(self.request.user, "assessment.change_scheme", indicator.scheme, self.refused)
        return indicator

    @property
    def scheme(self) -> Scheme:
        return self.object.scheme


class IndicatorEditView(SchemePartActionView):
    def get_form(self, data=None, files=None):
        return IndicatorForm.for_indicator(self.object, self.scheme.organisation, data)

    def act(self, form):
        services.save_indicator(self.scheme, self.request.user, form.values(), self.object)
        messages.success(self.request, f"已保存指标“{form.cleaned_data['name']}”。")

    def shown(self, form):
        return {"editing": (self.object, form)}


class IndicatorDeleteView(SchemePartActionView):
    def act(self, form):
        services.delete_indicator(self.scheme, self.request.user, self.object)
        messages.success(self.request, f"已删除指标“{self.object.name}”。")


class AdjustmentAddView(SchemeActionView):
    def get_form(self, data=None, files=None):
        return AdjustmentForm(data, files, units=_scored_units(self.scheme))

    def act(self, form):
        data = form.cleaned_data
        services.add_adjustment(
            self.scheme,
            self.request.user,
            data["unit"],
            data["points"],
            data["reason"],
            data.get("evidence"),
        )
        messages.success(self.request, f"已为“{data['unit'].name}”登记加减分。")

    def shown(self, form):
        return {"adjustment_form": form}


class AdjustmentDeleteView(SchemePartActionView):
    queryset = ADJUSTMENTS
    pk_url_kwarg = "adjustment_id"

    def act(self, form):
        services.delete_adjustment(self.object, self.request.user)
        messages.success(self.request, f"已删除“{self.object.unit.name}”的加减分事项。")


class AdjustmentEvidenceView(LoginRequiredMixin, View):
    def get(self, request, adjustment_id):
        adjustment = load(request.user, ADJUSTMENTS, adjustment_id)
        require(request.user, "assessment.view_scheme", adjustment.scheme)
        if not adjustment.evidence:
            raise Http404("该事项没有佐证材料。")
        return FileResponse(
            adjustment.evidence.open("rb"),
            as_attachment=True,
            filename=adjustment.evidence_name or "佐证材料",
        )


class PublishView(SchemeActionView):
    refused = "只有依法治理办可以发布考核结果。"

    def act(self, form):
        return services.publish(self.scheme, self.request.user)

    def done(self, published):
        if published is None:  # refused: back to the scheme
            return super().done(published)
        messages.success(self.request, "考核结果已发布。此后报告的变化不再影响已发布的得分。")
        return redirect("assessment:ranking", scheme_id=self.scheme.pk)


class RankingView(LoginRequiredMixin, View):
    def get(self, request, scheme_id):
        # The scheme alone: its plan and publisher are read only when the page is drawn
        # (a kept page costs the scheme's one plain query).
        scheme = load(request.user, Scheme, scheme_id)
        require(request.user, "assessment.view_scheme", scheme)

        def context() -> dict:
            found = results(scheme)
            return {
                "scheme": scheme,
                "results": found,
                "tab": "counties" if request.GET.get("tab") == "counties" else "units",
                "tie_rule": TIE_RULE,
                "can_publish": request.user.has_perm("assessment.change_scheme", scheme)
                and not found.published,
            }

        return kept_page(
            request,
            "assessment/ranking.html",
            context,
            page="ranking_page",
            organisation_id=scheme.organisation_id,
            params=(scheme.pk,),
            also=(LATEST_RESPONSE,),
        )


class UnitScoreView(LoginRequiredMixin, View):
    def get(self, request, scheme_id, unit_id):
        scheme = load(request.user, SCHEMES, scheme_id)
        unit = unit_of(scheme, unit_id)
        require(request.user, "assessment.view_unit_score", subject(scheme, unit))
        found = results(scheme)
        entry = found.unit(unit.pk)
        if entry is None:
            raise Http404("该单位不在本考核方案的考核范围内。")
        return _breakdown(request, scheme, found, entry, unit=unit)


class CountyScoreView(LoginRequiredMixin, View):
    """A county's score; the county is named by one of its units (its 人民政府 in links)."""

    def get(self, request, scheme_id, unit_id):
        scheme = load(request.user, SCHEMES, scheme_id)
        unit = unit_of(scheme, unit_id)
        region_ids = regions_of(unit)
        county = Region.objects.filter(pk__in=region_ids, level=Region.Level.COUNTY).first()
        if county is None:
            raise Http404("该单位不属于任何县(市、区)。")
        require(request.user, "assessment.view_county_score", subject(scheme, unit))
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
            "reads_all": request.user.has_perm("assessment.view_scheme", scheme),
            "rules": (UNIT_COMPLETION_RULE, ON_TIME_RULE),
        },
    )


class RankingExportView(LoginRequiredMixin, View):
    def get(self, request, scheme_id):
        scheme = load(request.user, SCHEMES, scheme_id)
        require(request.user, "assessment.view_scheme", scheme)
        response = HttpResponse(ranking_workbook(results(scheme)), content_type=XLSX)
        response["Content-Disposition"] = attachment(
            f"{scheme.name}得分排名.xlsx", f"ranking-{scheme.pk}-{scheme.year}.xlsx"
        )
        return response
