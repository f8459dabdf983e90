"""The public progress pages (no login) and the office's page that chooses what they show.

The public pages are the same for everyone: they are rendered without the request (no
session, no CSRF token, no signed-in person's menu), so the response carries no cookie
and may be cached by any proxy for a few minutes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.views import View

from taizhang.accounts.access import load
from taizhang.freshness.kept import kept
from taizhang.plans.models import Plan
from taizhang.public import disclosure, services
from taizhang.public.forms import PublicationForm
from taizhang.public.models import FIELDS, Publication

CACHE_SECONDS = 300


def _public_response(template: str, context: dict, status: int = 200) -> HttpResponse:
    return _html_response(render_to_string(template, context), status)


def _html_response(html: str, status: int = 200) -> HttpResponse:
    response = HttpResponse(html, status=status)
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


class IndexView(View):
    """Every published plan, grouped by organisation; ``?org=<id>`` keeps one."""

    def get(self, request):
        publications = list(
            disclosure.published().order_by("plan__organisation__name", "-plan__issued_on", "pk")
        )
        organisations = list(
            {p.plan.organisation_id: p.plan.organisation for p in publications}.values()
        )
        chosen, problem = None, ""
        raw = request.GET.get("org", "").strip()
        if raw:
            chosen = next((o for o in organisations if str(o.pk) == raw), None)
            if chosen is None:
                problem = "没有找到该地区公开的实施方案，下面列出全部公开的实施方案。"
            else:
                publications = [p for p in publications if p.plan.organisation_id == chosen.pk]
        groups: dict[int, dict] = {}
        entries = disclosure.entries(publications)
        for entry in entries:
            organisation = entry.plan.organisation
            groups.setdefault(organisation.pk, {"organisation": organisation, "entries": []})
            groups[organisation.pk]["entries"].append(entry)
        context = {
            # 口径 under the rates, where any is shown
            "rule": disclosure.COMPLETION_RULE if any(e.completion for e in entries) else "",
            "groups": list(groups.values()),
            "organisations": organisations,
            "chosen": chosen,
            "problem": problem,
        }
        return _public_response("public/index.html", context)


class PlanView(View):
    """One published plan's measures, status and targets, with the chosen fields only."""

    def get(self, request, plan_id: int):
        publication = get_object_or_404(disclosure.published(), plan_id=plan_id)
        html = kept(
            "public",
            publication.plan.organisation_id,
            lambda: render_to_string(
                "public/plan.html", {"page": disclosure.public_plan(publication)}
            ),
            params=(plan_id,),
        )
        return _html_response(html)


class SettingsView(LoginRequiredMixin, View):
    """公开设置: the office decides whether the plan is public and which fields are."""

    template_name = "public/settings.html"

    def dispatch(self, request, *args, **kwargs):
        # The role check comes before any lookup: other roles learn nothing about ids.
        if request.user.is_authenticated and not request.user.has_perm(
            "public.manage_publications"
        ):
            raise PermissionDenied("只有依法治理办可以设置公开内容。")
        return super().dispatch(request, *args, **kwargs)

    def load(self, request, plan_id) -> Plan:
        plans = Plan.objects.select_related("organisation", "publication")
        return load(
            request.user,
            plans,
            plan_id,
            "public.change_publication",
            "只有依法治理办可以设置公开内容。",
            "没有找到该实施方案。",
        )

    def get(self, request, plan_id):
        plan = self.load(request, plan_id)
        form = PublicationForm(instance=services.publication_of(plan))
        return self.render(request, plan, form)

    def post(self, request, plan_id):
        plan = self.load(request, plan_id)
        # An unbound instance: the form only validates, the write path saves.
        form = PublicationForm(request.POST, instance=Publication(plan=plan))
        if form.is_valid():
            try:
                services.save_publication(
                    plan,
                    request.user,
                    published=form.cleaned_data["published"],
                    shown=form.shown(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if form.cleaned_data["published"]:
                    messages.success(request, "已保存公开设置，公开页面已按所选内容更新。")
                else:
                    messages.success(request, "已保存公开设置，该方案目前不向社会公开。")
                return redirect("public:settings", plan_id=plan.pk)
        messages.error(
            request,
            form.non_field_errors()[0] if form.non_field_errors() else "请按提示修改后重新提交。",
        )
        return self.render(request, plan, form, status=400)

    def render(self, request, plan, form, status=200):
        publication = services.publication_of(plan)
        context = {
            "plan": plan,
            "form": form,
            "publication": publication,
            "fields": [form[name] for name in FIELDS],
        }
        return render(request, self.template_name, context, status=status)
