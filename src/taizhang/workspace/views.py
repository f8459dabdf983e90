"""The to-do page (待办) everyone lands on after signing in."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.utils import timezone
from django.views import View

from taizhang.freshness.pages import kept_page
from taizhang.reporting.forms import BatchReviewForm
from taizhang.workspace.filters import DueFilterForm
from taizhang.workspace.todo import todo_for

DUE_PER_PAGE = 50  # a unit owing 127 reports reads them 50 at a time, on a phone too


class TodoView(LoginRequiredMixin, View):
    """Kept per person until their organisation's data changes (taizhang.freshness): what
    it lists — reports, reviews, notices, 延期, 不涉及, 办结, imports — all change through
    write paths that record an audit entry."""

    template_name = "workspace/todo.html"

    def get(self, request):
        return kept_page(
            request,
            self.template_name,
            self.context,
            page="todo",
            organisation_id=request.user.organisation_id,
        )

    def context(self) -> dict:
        filters = None
        if self.request.user.has_perm("reporting.file_reports"):
            filters = DueFilterForm(self.request.GET or None)
        narrow = filters.apply if filters is not None else None
        todo = todo_for(self.request.user, timezone.localdate(), narrow)
        if filters is not None:
            filters.offer(todo.plans)
        # The counts above the list count every report; the list shows one page of what
        # the filters keep, its links keeping the filters; the workbook takes them all.
        due_page = Paginator(todo.due, DUE_PER_PAGE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return {
            "todo": todo,
            "filters": filters,
            "review_form": BatchReviewForm(),
            "due_page": due_page,
            "due_pages": due_page.paginator.get_elided_page_range(due_page.number, on_each_side=2),
            "filter_query": query.urlencode(),
        }
