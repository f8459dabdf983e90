"""A job's page: its progress while it runs (the page refreshes itself, with or without
JavaScript), then on to its result, its file, or what went wrong."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from taizhang.accounts.access import require
from taizhang.jobs import exports
from taizhang.jobs.models import Job


def own_job(request, job_id: int) -> Job:
    """Only the person who started a job sees it (404 for anyone else)."""
    return get_object_or_404(Job, pk=job_id, owner=request.user)


class JobView(LoginRequiredMixin, View):
    def get(self, request, job_id):
        job = own_job(request, job_id)
        if job.status == Job.Status.DONE and job.result_url and not job.file:
            return redirect(job.result_url)
        template = "jobs/_status.html" if request.headers.get("HX-Request") else "jobs/job.html"
        response = render(request, template, {"job": job})
        if job.is_finished and request.headers.get("HX-Request"):
            response["HX-Refresh"] = "true"  # the whole page, to follow the result
        return response


class DownloadView(LoginRequiredMixin, View):
    def get(self, request, job_id):
        job = own_job(request, job_id)
        if job.status != Job.Status.DONE or not job.file:
            raise Http404("文件尚未生成。")
        return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename)


class AuditExportJobView(LoginRequiredMixin, View):
    """A long audit log's export, handed to the task worker (the log page sends here)."""

    def get(self, request):
        require(request.user, "accounts.view_audit_log")
        job = exports.audit_log_later(request.user, request.GET.urlencode())
        return redirect("jobs:job", job_id=job.pk)
