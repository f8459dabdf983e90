"""Downloads of the web platform: the ledger as .xlsx."""

from __future__ import annotations

import io
from urllib.parse import quote

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse
from django.utils import timezone
from django.views import View

from taizhang.outputs.ledger_workbook import TITLE_SUFFIX, write_ledger
from taizhang.plans.ledger_queries import grouped
from taizhang.plans.ledger_views import filtered_ledger, viewable_plan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(filename: str, fallback: str) -> str:
    """Content-Disposition with an ASCII fallback and the Chinese name (RFC 5987/6266)."""
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


class LedgerExportView(LoginRequiredMixin, View):
    """The ledger as the person sees it (same scoping and filters as the page)."""

    def get(self, request, plan_id: int):
        plan = viewable_plan(request.user, plan_id)
        ledger = filtered_ledger(request, plan)
        buffer = io.BytesIO()
        write_ledger(plan.title, grouped(ledger.rows), buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
        today = timezone.localdate()
        response["Content-Disposition"] = attachment(
            f"{plan.title}{TITLE_SUFFIX}（{today.year}年{today.month}月{today.day}日）.xlsx",
            f"ledger-{plan.pk}-{today:%Y%m%d}.xlsx",
        )
        return response
