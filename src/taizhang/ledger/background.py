"""The ledger export of a big plan, made by the task worker: hundreds of measures with
their units and latest progress take long enough to hold a web worker and the office's
browser. Smaller plans are written in the request as before; the threshold is
TAIZHANG_BACKGROUND_EXPORT["LEDGER_MEASURES"]. The person goes to the job's page and is
told in their messages when the file is ready."""

from __future__ import annotations

from django.conf import settings
from django.http import QueryDict
from django.utils import timezone
from django_tasks import task

from taizhang.jobs import progress
from taizhang.jobs.models import Job
from taizhang.ledger import queries
from taizhang.ledger.export import ledger_bytes
from taizhang.ledger.filtering import filtered
from taizhang.plans.models import Measure, Plan


def is_big(plan: Plan) -> bool:
    limit = settings.TAIZHANG_BACKGROUND_EXPORT["LEDGER_MEASURES"]
    return Measure.objects.filter(plan=plan, withdrawn=False).count() > limit


def filename(plan: Plan) -> str:
    today = timezone.localdate()
    return f"{plan.title}任务分工台账（{today.year}年{today.month}月{today.day}日）.xlsx"


def export_later(user, plan: Plan, query: str) -> Job:
    job = progress.start(
        Job.Kind.EXPORT,
        user,
        plan.organisation,
        f"导出《{plan.title}》任务分工台账",
        {"plan": plan.pk, "query": query},
    )
    progress.enqueue_on_commit(export_ledger, job)
    return job


@task()
def export_ledger(job_id: int) -> None:
    with progress.running(job_id) as job:
        # the owner's scope today: an account changed meanwhile exports what it may see now
        plan = Plan.objects.filter(pk=job.params["plan"], organisation=job.organisation).first()
        if plan is None or not job.owner.has_perm("plans.view_plan", plan):
            raise progress.JobFailed("该实施方案已不存在，或您已无权查看。")
        progress.step(job, 20, "正在汇总任务和进展情况")
        ledger = filtered(job.owner, QueryDict(job.params.get("query", "")), plan)
        progress.step(job, 60, "正在写入 Excel")
        content = ledger_bytes(plan, queries.grouped(ledger.rows))
        progress.finish(
            job, content=content, filename=filename(plan), message="台账已导出，请下载。"
        )
