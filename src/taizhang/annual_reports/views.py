"""Pages of annual reports: the list with the deadline board, generating a draft, the
editor, the preview, the .docx and PDF downloads, and finalising."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from taizhang.accounts.access import load, require
from taizhang.annual_reports import background as annual_background
from taizhang.annual_reports import document as annual_document
from taizhang.annual_reports import queries as annual_queries
from taizhang.annual_reports import services as annual_reports
from taizhang.annual_reports.forms import CreateForm, EditForm, VersionForm, first_error
from taizhang.annual_reports.models import AnnualReport
from taizhang.documents import pdf
from taizhang.plans.models import Plan
from taizhang.web.downloads import DOCX, attachment


def report_for(user, annual_report_id: int, perm: str = "annual_reports.view_annual_report"):
    """The report, 404 across organisations, 403 when the person may not do ``perm``."""
    reports = AnnualReport.objects.select_related(
        "plan__organisation", "plan__region", "region__organisation", "unit", "organisation"
    )
    report = load(
        user,
        reports,
        annual_report_id,
        "annual_reports.view_annual_report",
        not_found="没有找到该报告。",
    )
    if perm != "annual_reports.view_annual_report":
        if report.is_final:
            raise PermissionDenied("该报告已定稿，不能再修改；如需修改，请新建草稿。")
        require(user, perm, report)
    return report


def _filename(report, extension: str) -> tuple[str, str]:
    state = "" if report.is_final else "（草稿）"
    return f"{report.title}{state}.{extension}", f"annual-report-{report.pk}.{extension}"


# -- the list ------------------------------------------------------------------------------


class ListView(LoginRequiredMixin, View):
    def get(self, request):
        user = request.user
        require(user, "annual_reports.view_annual_reports")
        today = timezone.localdate()
        plans = list(Plan.objects.for_user(user).select_related("organisation", "region"))
        plan = _chosen(plans, request.GET.get("plan"))
        year = _year(request.GET.get("year"), today.year - 1)
        reports, due = [], {}
        if plan is not None:
            reports = list(annual_queries.visible_reports(user, plan).order_by("-year", "kind"))
            due = annual_queries.board(user, plan, year)
        rows = [(d, *d.status(today)) for d in due.get("governments", []) + due.get("counties", [])]
        unit_rows = [(d, *d.status(today)) for d in due.get("units", [])]
        context = {
            "plans": plans,
            "plan": plan,
            "year": year,
            "years": list(range(today.year, (plan.start_year or today.year - 3) - 1, -1))
            if plan
            else [],
            "reports": reports,
            "rows": rows,
            "unit_rows": unit_rows,
            "units_final": sum(1 for d in due.get("units", []) if d.final),
            "may_create": user.has_perm("annual_reports.create_annual_report"),
            "deadline": annual_reports.deadline(AnnualReport.Kind.GOVERNMENT, year),
            "today": today,
        }
        return render(request, "annual_reports/list.html", context)


def _chosen(plans, wanted):
    for plan in plans:
        if str(plan.pk) == (wanted or ""):
            return plan
    return plans[0] if plans else None


def _year(value, default: int) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    return year if 2000 <= year <= 2100 else default


# -- generating a draft --------------------------------------------------------------------


class CreateView(LoginRequiredMixin, View):
    template_name = "annual_reports/create.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            require(request.user, "annual_reports.create_annual_report")
        return super().dispatch(request, *args, **kwargs)

    def form(self, request, data=None):
        plans = Plan.objects.for_user(request.user).select_related("organisation", "region")
        today = timezone.localdate()
        initial = {"year": today.year - 1}
        wanted = request.GET.get("plan")
        if wanted and wanted.isdigit():
            initial["plan"] = int(wanted)
        return CreateForm(data, user=request.user, plans=plans, initial=initial)

    def get(self, request):
        return render(request, self.template_name, {"form": self.form(request)})

    def post(self, request):
        form = self.form(request, request.POST)
        if not form.is_valid():
            messages.error(request, first_error(form))
            return render(request, self.template_name, {"form": form}, status=400)
        data = form.cleaned_data
        try:
            report, created = annual_reports.create(
                request.user,
                data["plan"],
                data["kind"],
                data["year"],
                region=data.get("region"),
                unit=data.get("unit"),
            )
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
            return render(request, self.template_name, {"form": form}, status=400)
        if created:
            messages.success(request, "已根据系统数据生成报告草稿，请逐段核改。")
        else:
            messages.info(request, "该年度已有报告草稿，已为您打开。")
        return redirect("annual_reports:edit", annual_report_id=report.pk)


# -- the editor ----------------------------------------------------------------------------


class EditView(LoginRequiredMixin, View):
    template_name = "annual_reports/edit.html"

    def get(self, request, annual_report_id):
        report = report_for(request.user, annual_report_id, "annual_reports.change_annual_report")
        form = EditForm(initial=EditForm.initial_of(report), sections=report.sections)
        return self.render(request, report, form)

    def post(self, request, annual_report_id):
        report = report_for(request.user, annual_report_id, "annual_reports.change_annual_report")
        form = EditForm(request.POST, sections=report.sections)
        if not form.is_valid():
            messages.error(request, first_error(form))
            return self.render(request, report, form, status=400)
        try:
            saved = self.change(request, report, form)
        except annual_reports.ConcurrentEdit as clash:
            return self.conflict(request, report, clash)
        except (ValidationError, annual_reports.WorkflowError) as error:
            messages.error(request, _message(error))
            return self.render(request, report, form, status=400)
        messages.success(request, self.done_message(saved))
        return redirect("annual_reports:edit", annual_report_id=saved.pk)

    def change(self, request, report, form):
        return annual_reports.save(
            report, request.user, form.header(), form.texts(), form.cleaned_data["version"]
        )

    def done_message(self, saved) -> str:
        return f"草稿已保存（第 {saved.version} 版）。"

    def conflict(self, request, report, clash):
        """Keep what the person typed; the form now carries the newer version, so saving
        again overwrites knowingly."""
        data = request.POST.copy()
        data["version"] = clash.current.version
        form = EditForm(data, sections=clash.current.sections)
        form.is_valid()
        messages.error(request, str(clash) + "您填写的内容仍保留在表单中。")
        return self.render(request, clash.current, form, status=409, theirs=clash.current)

    def render(self, request, report, form, status=200, theirs=None):
        context = {
            "report": report,
            "form": form,
            "theirs": theirs,
            "may_finalise": request.user.has_perm("annual_reports.finalise_annual_report", report),
            "pdf_available": pdf.available(),
        }
        return render(request, self.template_name, context, status=status)


class RegenerateView(EditView):
    """Saves what the editor holds, then redrafts one section (or all) from the data."""

    http_method_names = ["post"]

    def change(self, request, report, form):
        return annual_reports.regenerate(
            report,
            request.user,
            request.POST.get("section", ""),
            form.header(),
            form.texts(),
            form.cleaned_data["version"],
        )

    def done_message(self, saved) -> str:
        return f"已按最新数据重新生成（第 {saved.version} 版），请核对。"


# -- reading, exporting, finalising -------------------------------------------------------------


class PreviewView(LoginRequiredMixin, View):
    def get(self, request, annual_report_id):
        report = report_for(request.user, annual_report_id)
        return preview(request, report)


def preview(request, report, status=200):
    user = request.user
    context = {
        "report": report,
        "blocks": annual_document.blocks_of(report.sections),
        "issued_on": report.finalised_at.date() if report.finalised_at else timezone.localdate(),
        "versions": report.versions.select_related("author").order_by("-number"),
        "may_change": user.has_perm("annual_reports.change_annual_report", report),
        "may_finalise": user.has_perm("annual_reports.finalise_annual_report", report),
        "pdf_available": pdf.available() or bool(report.pdf),
        "due_on": annual_reports.deadline(report.kind, report.year),
    }
    return render(request, "annual_reports/preview.html", context, status=status)


class DocxView(LoginRequiredMixin, View):
    def get(self, request, annual_report_id):
        report = report_for(request.user, annual_report_id)
        filename, fallback = _filename(report, "docx")
        if report.is_final and report.docx:
            content = report.docx.open("rb").read()
        else:
            content = annual_document.render(report, timezone.localdate())
        response = HttpResponse(content, content_type=DOCX)
        response["Content-Disposition"] = attachment(filename, fallback)
        return response


class PdfView(LoginRequiredMixin, View):
    """A final report's stored PDF at once; a draft's is made by the task worker (the
    person goes to the job's page and is told in their messages when it is ready)."""

    def get(self, request, annual_report_id):
        report = report_for(request.user, annual_report_id)
        if report.is_final and report.pdf:
            filename, fallback = _filename(report, "pdf")
            response = FileResponse(report.pdf.open("rb"), content_type="application/pdf")
            response["Content-Disposition"] = attachment(filename, fallback)
            return response
        job = annual_background.pdf_later(request.user, report)
        return redirect("jobs:job", job_id=job.pk)


class FinaliseView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, annual_report_id):
        report = report_for(request.user, annual_report_id, "annual_reports.finalise_annual_report")
        form = VersionForm(request.POST)
        if not form.is_valid():
            messages.error(request, first_error(form))
            return preview(request, report, status=400)
        try:
            job = annual_background.finalise_later(
                request.user, report, form.cleaned_data["version"]
            )
        except annual_reports.ConcurrentEdit as clash:
            messages.error(request, str(clash))
            return preview(request, clash.current, status=409)
        except (ValidationError, annual_reports.WorkflowError) as error:
            messages.error(request, _message(error))
            return preview(request, report, status=400)
        # The task worker makes the Word and PDF files and freezes the report; the job's
        # page shows its progress and links to the final report.
        return redirect("jobs:job", job_id=job.pk)


def _message(error) -> str:
    if isinstance(error, ValidationError):
        return "；".join(error.messages)
    return str(error)
