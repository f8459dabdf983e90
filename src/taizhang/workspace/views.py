"""The to-do page (待办) everyone lands on after signing in."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils import timezone
from django.views.generic import TemplateView

from taizhang.reporting.forms import BatchReviewForm
from taizhang.workspace.filters import DueFilterForm
from taizhang.workspace.todo import todo_for


class TodoView(LoginRequiredMixin, TemplateView):
    template_name = "workspace/todo.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = None
        if self.request.user.has_perm("reporting.file_reports"):
            filters = DueFilterForm(self.request.GET or None)
        narrow = filters.apply if filters is not None else None
        todo = todo_for(self.request.user, timezone.localdate(), narrow)
        if filters is not None:
            filters.offer(todo.plans)
        context["todo"], context["filters"] = todo, filters
        context["review_form"] = BatchReviewForm()
        return context
