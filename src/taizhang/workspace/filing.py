"""批量填报: the reports a unit owes or had returned, downloaded from the to-do as one
workbook, filled in WPS or Excel, uploaded, previewed and saved (or submitted) at once.
The workbook, its checks and what happens to each row (filing_sheet.fate) are
reporting.filing_sheet's; saving is reporting.services.file_many's."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from taizhang.accounts.access import require
from taizhang.reporting import filing_sheet, services
from taizhang.web.downloads import XLSX, download
from taizhang.workspace.filters import DueFilterForm
from taizhang.workspace.todo import fillable_items

MODES = {"draft": "保存为草稿", "submit": "提交审核"}


class SheetForm(forms.Form):
    file = forms.FileField(
        label="填好的填报表（.xlsx）",
        error_messages={
            "required": "请选择填好的填报表文件。",
            "empty": "上传的文件是空文件，请重新选择。",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > filing_sheet.MAX_BYTES:
            raise forms.ValidationError("文件超过 2 MB，请只保留下载的填报表。")
        return upload


class SheetDownloadView(LoginRequiredMixin, View):
    """下载填报表（Excel）: the reports the to-do lists under its filters, all of them on
    every page of the list, and the reports returned to the unit (退回)."""

    def get(self, request):
        require(request.user, "reporting.file_reports")
        filters = DueFilterForm(request.GET or None)
        items = filters.apply(fillable_items(request.user, timezone.localdate()))
        title = f"进展报告填报表（{_filer(request.user)}，{timezone.localdate():%Y年%m月%d日}下载）"
        content = filing_sheet.workbook(items, title)
        name = f"进展报告填报表-{timezone.localdate():%Y%m%d}.xlsx"
        return download(content, XLSX, name, "filing-sheet.xlsx")


class SheetUploadView(LoginRequiredMixin, View):
    template_name = "workspace/filing.html"

    def get(self, request):
        require(request.user, "reporting.file_reports")
        return render(request, self.template_name, {"form": SheetForm()})

    def post(self, request):
        require(request.user, "reporting.file_reports")
        form = SheetForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        try:
            rows = filing_sheet.read(form.cleaned_data["file"].read())
        except filing_sheet.SheetRejected as rejected:
            form.add_error("file", str(rejected))
            return render(request, self.template_name, {"form": form}, status=400)
        preview = _checked(request.user, rows)
        context = {"form": SheetForm(), "preview": preview, "modes": MODES}
        if not preview.errors and preview.actionable:
            context["token"] = filing_sheet.token(request.user, preview.actionable)
        return render(request, self.template_name, context, status=400 if preview.errors else 200)


class SheetConfirmView(LoginRequiredMixin, View):
    """Save the previewed rows: checked again as they are now, then all in one go."""

    template_name = "workspace/filing.html"

    def post(self, request):
        require(request.user, "reporting.file_reports")
        mode = request.POST.get("mode")
        if mode not in MODES:
            raise PermissionDenied("请选择保存为草稿或提交审核。")
        try:
            rows = filing_sheet.rows_of(request.user, request.POST.get("token", ""))
        except signing.BadSignature as bad:  # another person's preview, or an old one
            raise PermissionDenied("该预览已失效，请重新上传填报表。") from bad
        preview = _checked(request.user, rows)
        if not preview.errors:
            for row in preview.refused(mode):
                row.errors.append("提交审核须填写进展情况")
        acted = preview.acted(mode)  # filing_sheet.fate: what the preview showed
        if preview.errors or not acted:
            messages.error(request, "填报表未保存：请按下表修改后重新上传。")
            context = {"form": SheetForm(), "preview": preview, "modes": MODES}
            return render(request, self.template_name, context, status=400)
        stamp = timezone.localtime()
        batch = f"{stamp:%Y-%m-%d %H:%M} {request.user}上传填报表，{len(acted)}份，{MODES[mode]}"
        filings = [
            services.SheetFiling(
                row.assignment,
                row.period,
                row.version,
                row.data,
                row.number,
                submit=fate.action == filing_sheet.SUBMIT,
                changed=row.kind == "save",
            )
            for row, fate in acted
        ]
        try:
            done = services.file_many(filings, request.user, mode == "submit", batch)
        except services.ConcurrentEdit as clash:
            return self.refused(request, preview, str(clash))
        except (ValidationError, services.WorkflowError) as error:
            text = "；".join(error.messages) if isinstance(error, ValidationError) else str(error)
            return self.refused(request, preview, text)
        if mode == "submit":
            messages.success(request, f"已通过填报表提交审核 {len(done)} 份报告。")
        else:
            messages.success(request, f"已通过填报表保存 {len(done)} 份报告的草稿。")
        return redirect(reverse("workspace:todo"))

    def refused(self, request, preview, text):
        messages.error(request, f"整批报告均未保存：{text}")
        context = {"form": SheetForm(), "preview": preview, "modes": MODES, "refused": text}
        return render(request, self.template_name, context, status=409)


def _checked(user, rows):
    return filing_sheet.check(user, rows, fillable_items(user, timezone.localdate()))


def _filer(user) -> str:
    if user.unit_id:
        return user.unit.name
    return getattr(user.region, "name", "") or str(user)
