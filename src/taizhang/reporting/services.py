"""The write path of reporting: every change to a report goes through here, is versioned
and audited, and is refused when someone else saved the report in the meantime."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from taizhang.audit.log import record
from taizhang.plans.models import Assignment
from taizhang.reporting import events
from taizhang.reporting.evidence import check_upload, name_for_type
from taizhang.reporting.models import (
    AuditAction,
    Evidence,
    IndicatorValue,
    ProgressReport,
    ReportVersion,
    Review,
)

EDITABLE_FIELDS = ("status", "narrative", "actions", "problems", "next_steps")
OPEN_STATES = ProgressReport.State.OPEN


class ConcurrentEdit(Exception):
    """The report changed since the editor loaded it; their changes were not saved.

    ``current`` is the report as the other person saved it, so the page can show it."""

    def __init__(self, current: ProgressReport, row: int | None = None):
        self.current = current
        who = current.updated_by or "他人"
        if row is not None:  # a row of a filing workbook (批量填报): nothing was saved
            super().__init__(
                f"第{row}行 {_label(current)}：下载填报表后，{who} 已保存该报告第 "
                f"{current.version} 版，整批报告均未保存。请重新下载填报表后再填写上传。"
            )
            return
        super().__init__(
            f"该报告已被他人修改：{who} 已保存第 {current.version} 版，您的修改未保存。"
            "请核对对方的版本后再保存。"
        )


class WorkflowError(Exception):
    """The action does not fit the report's state (e.g. reviewing a draft)."""


def start_report(assignment, period) -> ProgressReport:
    """The report of ``assignment`` for ``period``; a new one starts at version 0, so
    the first save is version 1 and two first saves still collide."""
    report, _ = ProgressReport.objects.get_or_create(
        assignment=assignment, period=period, defaults={"version": 0}
    )
    return report


@transaction.atomic
def file_report(
    assignment,
    period,
    user,
    data: dict,
    expected_version: int,
    values=None,
    uploads=(),
    remove_evidence=(),
    submit_after: bool = False,
    reason: str = "",
) -> ProgressReport:
    """What the report form does in one go: save the fields, values and files, and
    optionally submit. All or nothing: a bad file or a stale version saves nothing."""
    report = _lock(start_report(assignment, period), expected_version)
    if report.state not in OPEN_STATES:
        raise WorkflowError("该报告已报送，不能修改。")
    for upload in uploads:  # check every file before storing any
        check_upload(upload)
    for evidence in report.evidence.filter(pk__in=list(remove_evidence)):
        _remove_evidence(report, user, evidence)
    for upload in uploads:
        add_evidence(report, user, upload)
    report = save_draft(report, user, data, expected_version, values, reason=reason)
    if submit_after:
        report = submit(report, user, report.version, reason=reason)
    return report


@dataclass
class SheetFiling:
    """One row of a unit's filing workbook (批量填报): the report it fills, the version
    the workbook was downloaded at, the fields written and the row's number; ``submit``
    says whether to submit it (None: as the batch), ``changed`` whether the row changes
    the report (an unchanged draft is only submitted, as the report form's 提交审核
    would after saving nothing)."""

    assignment: object
    period: object
    expected_version: int
    data: dict
    row: int
    submit: bool | None = None
    changed: bool = True


@transaction.atomic
def file_many(filings, user, submit_after: bool, batch: str) -> list[ProgressReport]:
    """Save (and optionally submit) many reports from one workbook (批量填报): each goes
    through `file_report` (its versions, rules and audit entries, the entries naming the
    batch), and one more entry names the batch and its reports. All or nothing: a report
    saved by someone else since the download, or one that can no longer be filed, refuses
    the whole batch, its row named."""
    if not filings:
        raise ValidationError("填报表中没有需要保存的报告。")
    reason = f"批量填报（{batch}）"
    done = []
    for filing in filings:
        submitting = submit_after if filing.submit is None else filing.submit
        try:
            if filing.changed:
                report = file_report(
                    filing.assignment,
                    filing.period,
                    user,
                    filing.data,
                    filing.expected_version,
                    submit_after=submitting,
                    reason=reason,
                )
            elif submitting:
                report = start_report(filing.assignment, filing.period)
                report = submit(report, user, filing.expected_version, reason=reason)
            else:
                raise WorkflowError("该行没有需要保存的内容。")
            done.append(report)
        except ConcurrentEdit as clash:
            raise ConcurrentEdit(clash.current, row=filing.row) from clash
        except (ValidationError, WorkflowError) as error:
            message = "；".join(error.messages) if isinstance(error, ValidationError) else error
            raise WorkflowError(
                f"第{filing.row}行 {report_label(filing.assignment, filing.period)}：{message}"
            ) from error
    changes = {"batch": batch, "batch_reports": [_label(report) for report in done]}
    filer = get_user_model().objects.get(pk=user.pk)  # the entry's object: who filed the batch
    record(user, AuditAction.BATCH_FILE, filer, changes, reason, organisation=filer.organisation_id)
    return done


@transaction.atomic
def save_draft(
    report, user, data: dict, expected_version: int, values=None, reason: str = ""
) -> ProgressReport:
    """Save the editable fields; ``values`` maps a Target to (value, source), a value of
    None removing what was reported for it."""
    report = _lock(report, expected_version)
    if report.state not in OPEN_STATES:
        raise WorkflowError("该报告已报送，不能修改。")
    changes = {}
    for field in EDITABLE_FIELDS:
        if field in data and getattr(report, field) != data[field]:
            changes[field] = [getattr(report, field), data[field]]
            setattr(report, field, data[field])
    current = {v.target_id: v for v in report.values.all()}
    reported = {}  # target quote -> [before, after]
    for target, (value, source) in (values or {}).items():
        old = current.get(target.pk)
        if value is None:
            if old is not None:
                old.delete()
                reported[target.quote] = [old.value, None]
            continue
        if old is None or old.value != value or old.source != source:
            IndicatorValue.objects.update_or_create(
                report=report, target=target, defaults={"value": value, "source": source}
            )
            reported[target.quote] = [old.value if old else None, value]
    if reported:
        changes["values"] = reported
    return _commit(report, user, AuditAction.SAVE, changes, reason)


@transaction.atomic
def submit(report, user, expected_version: int, reason: str = "") -> ProgressReport:
    report = _lock(report, expected_version)
    if report.state not in OPEN_STATES:
        raise WorkflowError("该报告当前不能报送。")
    if not report.narrative.strip():
        raise ValidationError("请填写进展情况后再提交审核。")
    report.state = ProgressReport.State.SUBMITTED
    report.submitted_at = timezone.now()
    if report.first_submitted_at is None:  # on time is decided by the first submission
        report.first_submitted_at = report.submitted_at
    return _commit(report, user, AuditAction.SUBMIT, {"state": report.state}, reason)


@transaction.atomic
def review(report, reviewer, decision: str, comment: str, expected_version: int):
    """Accept or return a submitted report. Who may is reviewers.py's answer, asked by
    the rule reporting.review_report (the caller checks it)."""
    report = _lock(report, expected_version)
    if report.state != ProgressReport.State.SUBMITTED:
        raise WorkflowError("只能审核已报送的报告。")
    if decision not in Review.Decision.values:
        raise ValidationError("请选择通过或退回。")
    if decision == Review.Decision.RETURN and not comment.strip():
        raise ValidationError("退回时请填写退回意见。")
    by_office = report.is_lead_report or getattr(reviewer, "role", None) == "office_admin"
    stage = Review.Stage.OFFICE if by_office else Review.Stage.LEAD
    review = Review.objects.create(
        report=report, reviewer=reviewer, stage=stage, decision=decision, comment=comment
    )
    report.state = (
        ProgressReport.State.ACCEPTED
        if decision == Review.Decision.ACCEPT
        else ProgressReport.State.RETURNED
    )
    action = AuditAction.ACCEPT if decision == Review.Decision.ACCEPT else AuditAction.RETURN
    report = _commit(report, reviewer, action, {"state": report.state}, reason=comment[:500])
    if decision == Review.Decision.RETURN:
        events.report_returned(report, review)
    return report


@transaction.atomic
def review_many(reports, reviewer, decision: str, comment: str) -> list[ProgressReport]:
    """Review several reports with one decision and one comment (批量审核): each goes
    through `review` (its own version, audit entry and notice to the unit). All or
    nothing: one report that can no longer be reviewed refuses the batch, named."""
    if not reports:
        raise ValidationError("请至少选择一份报告。")
    done = []
    for report in reports:
        try:
            done.append(review(report, reviewer, decision, comment, report.version))
        except (ConcurrentEdit, WorkflowError) as error:
            raise WorkflowError(f"{_label(report)}：{error}") from error
    return done


@transaction.atomic
def withdraw(report, user, expected_version: int) -> ProgressReport:
    """The filing unit takes back a report sent by mistake (撤回) while nobody has
    reviewed it: it is a draft again, its versions kept. Its first submission still
    decides whether it was on time, since it was filed then."""
    report = _lock(report, expected_version)
    if report.state in (ProgressReport.State.ACCEPTED, ProgressReport.State.RETURNED):
        raise WorkflowError("该报告已经审核，不能撤回。")
    if report.state != ProgressReport.State.SUBMITTED:
        raise WorkflowError("该报告尚未报送，无需撤回。")
    report.state = ProgressReport.State.DRAFT
    changes = {"state": [ProgressReport.State.SUBMITTED, report.state]}
    report = _commit(report, user, AuditAction.WITHDRAW, changes)
    events.report_withdrawn(report, user)
    return report


MAX_REOPEN_REASON = 500


@transaction.atomic
def reopen(report, user, reason: str, expected_version: int) -> ProgressReport:
    """The office undoes an acceptance made by mistake (撤销审核通过): the report waits
    for review again, as it did before, and counts for no status until it is accepted.
    Its first submission still decides whether it was on time. The unit and the report's
    reviewers are told why."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("请填写撤销审核通过的原因。")
    if len(reason) > MAX_REOPEN_REASON:
        raise ValidationError(f"原因不能超过{MAX_REOPEN_REASON}字。")
    report = _lock(report, expected_version)
    if report.state != ProgressReport.State.ACCEPTED:
        raise WorkflowError("只能撤销已审核通过的报告。")
    report.state = ProgressReport.State.SUBMITTED
    changes = {"state": [ProgressReport.State.ACCEPTED, report.state]}
    report = _commit(report, user, AuditAction.REOPEN, changes, reason=reason)
    events.report_reopened(report, user, reason)
    return report


def has_content(report) -> bool:
    """Something is written in the report (text or a value): 沿用上期 would overwrite it."""
    if report.pk is None:
        return False
    texts = (report.narrative, report.actions, report.problems, report.next_steps)
    return any(text.strip() for text in texts) or report.values.exists()


def previous_report(assignment, period) -> ProgressReport | None:
    """The report 沿用上期 starts from: the assignment's latest report, sent at least
    once, for a period of the same plan that ended before ``period``."""
    return (
        ProgressReport.objects.filter(
            assignment=assignment,
            period__plan_id=period.plan_id,
            period__ends_on__lt=period.ends_on,
            first_submitted_at__isnull=False,
        )
        .select_related("period")
        .order_by("-period__ends_on", "-pk")
        .first()
    )


@transaction.atomic
def carry_over(assignment, period, user, expected_version: int) -> ProgressReport:
    """Start this period's report from the previous period's (沿用上期), as a draft:
    status, text and indicator values copied, evidence not (it proves the earlier
    period's work). The report remembers where it came from; nothing already written is
    overwritten."""
    previous = previous_report(assignment, period)
    if previous is None:
        raise WorkflowError("没有可沿用的上期报告（上期未报送）。")
    report = _lock(start_report(assignment, period), expected_version)
    if report.state not in OPEN_STATES:
        raise WorkflowError("该报告已报送，不能修改。")
    if has_content(report):
        raise WorkflowError("本期报告已填写内容，不能再沿用上期，以免覆盖。")
    for field in EDITABLE_FIELDS:
        setattr(report, field, getattr(previous, field))
    for value in previous.values.all():
        IndicatorValue.objects.create(
            report=report, target_id=value.target_id, value=value.value, source=value.source
        )
    report.carried_from = previous
    changes = {"carried_from": previous.period.name}
    return _commit(report, user, AuditAction.CARRY_OVER, changes)


@transaction.atomic
def mark_highlight(report, user, highlight: bool) -> ProgressReport:
    """The office marks (or unmarks) a report as a typical practice (典型做法)."""
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if highlight and not report.is_filed:
        raise WorkflowError("只有已报送的报告才能标记为典型做法。")
    if report.highlight != highlight:
        report.highlight = highlight
        report.save(update_fields=["highlight"])
        changes = {"highlight": [not highlight, highlight]}
        record(user, AuditAction.HIGHLIGHT, report, changes, organisation=_organisation(report))
    return report


@transaction.atomic
def add_evidence(report, user, upload) -> Evidence:
    """Store a file after checking what it really is; a file whose name lies about its
    type is kept under its real type and extension."""
    if report.state not in OPEN_STATES:
        raise WorkflowError("已报送的报告不能再添加材料。")
    content_type = check_upload(upload)
    original_name = name_for_type(upload.name, content_type)
    # On disk the file gets a name of ours: what people call their files never
    # reaches the file system.
    upload.name = uuid.uuid4().hex + original_name[original_name.rfind(".") :]
    evidence = Evidence.objects.create(
        report=report,
        file=upload,
        original_name=original_name,
        content_type=content_type,
        size=upload.size,
        uploaded_by=user,
    )
    changes = {"evidence_added": original_name}
    record(user, AuditAction.EVIDENCE, report, changes, organisation=_organisation(report))
    return evidence


@transaction.atomic
def move_report(report, assignment, actor, reason: str = "") -> ProgressReport:
    """Put a report on another unit's assignment of the same measure (two units merged):
    a new version and an audit entry say where it came from."""
    report = _lock(report, report.version)
    if assignment.measure_id != report.assignment.measure_id:
        raise WorkflowError("只能在同一任务的单位之间转移报告。")
    taken = ProgressReport.objects.filter(assignment=assignment, period_id=report.period_id)
    if taken.exclude(pk=report.pk).exists():
        raise WorkflowError(
            f"两个单位在任务{report.assignment.measure.number}的“{report.period}”"
            "都已有进展报告，无法自动合并，请先处理其中一份报告。"
        )
    before = report.assignment.unit.name
    report.assignment = assignment
    changes = {"unit": [before, assignment.unit.name]}
    return _commit(report, actor, AuditAction.MOVE, changes, reason)


@transaction.atomic
def move_reports_of_shared_measures(duplicate, keep, actor, reason: str = "") -> int:
    """Merging ``duplicate`` into ``keep``: where both carry a measure, the duplicate's
    assignment is about to go (plans.assignments.move_assignments), so its reports move to
    the kept unit's assignment first. Refused as a whole when both have a report for the
    same period. Returns how many reports moved."""
    kept = {
        a.measure_id: a
        for a in Assignment.objects.filter(
            unit=keep, measure__assignments__unit=duplicate
        ).select_related("unit")
    }
    reports = ProgressReport.objects.filter(
        assignment__unit=duplicate, assignment__measure_id__in=list(kept)
    ).order_by("pk")
    moved = 0
    for report in reports:
        move_report(report, kept[report.assignment.measure_id], actor, reason)
        moved += 1
    return moved


def _remove_evidence(report, user, evidence) -> None:
    name = evidence.original_name
    storage, path = evidence.file.storage, evidence.file.name
    evidence.delete()
    # The file goes only once the deletion is committed: a rollback must find it there.
    transaction.on_commit(lambda: storage.delete(path))
    changes = {"evidence_removed": name}
    record(user, AuditAction.EVIDENCE, report, changes, organisation=_organisation(report))


def _lock(report, expected_version: int) -> ProgressReport:
    """Reload the report under a row lock and check nobody saved it since it was read."""
    current = (
        # of=("self",): PostgreSQL cannot lock the nullable side of the updated_by join
        ProgressReport.objects.select_for_update(of=("self",))
        .select_related("updated_by", "assignment__unit", "assignment__measure", "period")
        .get(pk=report.pk)
    )
    if current.version != expected_version:
        raise ConcurrentEdit(current)
    return current


def _commit(report, user, action: str, changes: dict, reason: str = "") -> ProgressReport:
    report.version += 1
    report.updated_by = user
    report.save()
    ReportVersion.objects.create(
        report=report,
        number=report.version,
        action=action,
        snapshot=_snapshot(report),
        author=user,
    )
    record(user, action, report, changes, reason, organisation=_organisation(report))
    return report


def _label(report) -> str:
    return report_label(report.assignment, report.period)


def report_label(assignment, period) -> str:
    """A report as audit entries, messages and the filing workbook's rows name it:
    任务3（州教育局，2026年第一季度）; a withdrawn 督办事项 by its record number
    (Measure.label), since an item in force may carry its number now."""
    return f"{assignment.measure.label}（{assignment.unit.name}，{period.name}）"


def _organisation(report) -> int:
    return report.assignment.unit.organisation_id


def _snapshot(report) -> dict:
    snapshot = {field: getattr(report, field) for field in EDITABLE_FIELDS}
    snapshot["state"] = report.state
    snapshot["values"] = {str(v.target_id): [v.value, v.source] for v in report.values.all()}
    snapshot["evidence"] = [e.original_name for e in report.evidence.all()]
    return snapshot
