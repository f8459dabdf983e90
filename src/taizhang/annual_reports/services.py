"""The write path of annual reports: generating a draft from the data, saving the office's
edits (refused when someone else saved in the meantime), regenerating a section, and
finalising (the .docx and the PDF stored, the report frozen). Every change is versioned and
audited."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from taizhang.annual_reports import data as annual_data
from taizhang.annual_reports import document as annual_document
from taizhang.annual_reports import draft as annual_draft
from taizhang.annual_reports.models import AnnualReport, AnnualReportVersion, AuditAction
from taizhang.audit.log import record
from taizhang.documents import pdf
from taizhang.units.models import Region

Kind = AnnualReport.Kind
HEADER_FIELDS = ("issuer_mark", "number", "title", "addressee", "signature", "copy_to")
MAX_TEXT = 20_000  # characters of one section


class ConcurrentEdit(Exception):
    """The report changed since the editor loaded it; the edits were not saved."""

    def __init__(self, current: AnnualReport):
        self.current = current
        super().__init__(
            f"该报告已被他人修改：{current.updated_by} 已保存第 {current.version} 版，"
            "您的修改未保存。请核对对方的版本后再保存。"
        )


class WorkflowError(Exception):
    """The action does not fit the report's state (e.g. editing a final report)."""


# -- what a report is about ---------------------------------------------------------------


def scope_of(report: AnnualReport) -> annual_data.Scope:
    return annual_data.Scope(report.plan, report.year, report.region, report.unit)


def deadline(kind: str, year: int) -> datetime.date:
    """The last day to report on ``year``: governments and counties before 1 March of the
    next year, units before the year ends."""
    if kind == Kind.UNIT_YEAR_END:
        return datetime.date(year, 12, 31)
    return datetime.date(year + 1, 3, 1) - datetime.timedelta(days=1)


def level_word(region) -> str:
    """州 / 市 for the prefecture or city, 县 / 区 / 市 for a county (from its name)."""
    if region.level == Region.Level.PREFECTURE:
        return region.organisation.prefix or region.name[-1]
    return region.name[-1] if region.name[-1] in "县区市旗" else "县"


def header_defaults(kind: str, plan, region, unit, year: int) -> dict:
    organisation = plan.organisation
    if kind == Kind.UNIT_YEAR_END:
        return {
            "issuer_mark": f"{unit.name}文件",
            "number": f"{unit.name}〔{year}〕　号",
            "title": f"{unit.name}关于{year}年度法治社会建设工作情况的报告",
            "addressee": organisation.office_title,
            "signature": unit.name,
            "copy_to": "",
        }
    government = f"{region.name}人民政府"
    fields = {
        "issuer_mark": f"{government}文件",
        "number": f"{region.name}府报〔{year + 1}〕　号",
        "title": f"{government}关于{year}年度法治社会建设情况的报告",
        "signature": government,
        "copy_to": "",
    }
    if kind == Kind.COUNTY_UP:
        prefix = organisation.prefix or "州"
        fields["addressee"] = f"{prefix}委、{prefix}人民政府"
        fields["copy_to"] = organisation.office_title
    else:
        word = level_word(region)
        fields["addressee"] = f"{word}委、{word}人大常委会"
    return fields


def check_scope(kind: str, plan, region, unit) -> None:
    if kind not in Kind.values:
        raise ValidationError("请选择报告类型。")
    if kind == Kind.UNIT_YEAR_END:
        if unit is None or unit.organisation_id != plan.organisation_id:
            raise ValidationError("请选择报告单位。")
        return
    if region is None or region.organisation_id != plan.organisation_id:
        raise ValidationError("请选择报告的政府（州、市或县）。")
    if kind == Kind.COUNTY_UP and region.level != Region.Level.COUNTY:
        raise ValidationError("县（市、区）向上报告只能由县（市、区）报送。")
    if region.level not in (Region.Level.PREFECTURE, Region.Level.COUNTY):
        raise ValidationError("年度报告由州（市）或县（市、区）人民政府报送。")


def check_year(plan, year: int, today: datetime.date) -> None:
    first = plan.start_year or 2000
    if not first <= year <= today.year:
        raise ValidationError(f"报告年度应在{first}年至{today.year}年之间。")


def open_draft(kind, plan, region, unit, year) -> AnnualReport | None:
    return AnnualReport.objects.filter(
        plan=plan,
        kind=kind,
        year=year,
        region=region,
        unit=unit,
        state=AnnualReport.State.DRAFT,
    ).first()


# -- the write path ------------------------------------------------------------------------


@transaction.atomic
def create(user, plan, kind: str, year: int, region=None, unit=None, today=None):
    """A new draft generated from the data, or the open draft already there:
    (report, created)."""
    today = today or timezone.localdate()
    check_scope(kind, plan, region, unit)
    check_year(plan, year, today)
    if kind == Kind.UNIT_YEAR_END:
        region = unit.region
    # One draft at a time per report: the plan's row lock serialises two clicks.
    type(plan).objects.select_for_update().get(pk=plan.pk)
    existing = open_draft(kind, plan, region, unit, year)
    if existing is not None:
        return existing, False
    scope = annual_data.Scope(plan, year, region, unit)
    figures = annual_data.gather(scope, today)
    report = AnnualReport.objects.create(
        organisation=plan.organisation,
        plan=plan,
        region=region,
        unit=unit,
        year=year,
        kind=kind,
        sections=annual_draft.draft(figures, today),
        generated_at=timezone.now(),
        version=0,
        created_by=user,
        updated_by=user,
        **header_defaults(kind, plan, region, unit, year),
    )
    return _commit(report, user, AuditAction.CREATE, {"year": year, "kind": report.kind}), True


@transaction.atomic
def save(report, user, header: dict, texts: dict, expected_version: int) -> AnnualReport:
    """Save the header fields and the sections' texts (key -> text)."""
    report = _lock(report, expected_version)
    changes = _apply(report, header, texts)
    return _commit(report, user, AuditAction.SAVE, changes)


@transaction.atomic
def regenerate(
    report, user, key: str, header: dict, texts: dict, expected_version: int, today=None
) -> AnnualReport:
    """Save what the person typed, then redraft section ``key`` (or every section, "all")
    from today's data; the tables are refreshed with it."""
    report = _lock(report, expected_version)
    changes = _apply(report, header, texts)
    keys = [s["key"] for s in report.sections]
    if key != "all" and key not in keys:
        raise ValidationError("没有找到要重新生成的部分。")
    figures = annual_data.gather(scope_of(report), today)
    fresh = {k: annual_draft.section(k, figures, today) for k in (keys if key == "all" else [key])}
    report.sections = [fresh.get(s["key"], s) for s in report.sections]
    report.generated_at = timezone.now()
    changes["regenerated"] = "全部" if key == "all" else _heading(report, key)
    return _commit(report, user, AuditAction.REGENERATE, changes)


def finalise(report, user, expected_version: int, today=None) -> AnnualReport:
    """Freeze the report: its .docx and PDF are made and stored; nothing changes it after.
    All or nothing: when the PDF cannot be made, the report stays a draft. The documents
    are made before the report is locked (LibreOffice takes seconds); ``freeze`` checks
    the version again under the lock, so an edit made meanwhile is never lost."""
    today = today or timezone.localdate()
    check_finalisable(report, expected_version)
    docx = annual_document.render(report, today)
    try:
        pdf_bytes = pdf.to_pdf(docx, name=f"annual-{report.pk}")
    except pdf.ConversionError as error:
        raise WorkflowError(str(error)) from error
    return freeze(report, user, expected_version, docx, pdf_bytes)


def check_finalisable(report, expected_version: int) -> None:
    """The refusals of finalising, asked before the documents are made (no lock)."""
    current = AnnualReport.objects.get(pk=report.pk)
    if current.is_final:
        raise WorkflowError("该报告已定稿，不能再修改；如需修改，请新建草稿。")
    if current.version != expected_version:
        raise ConcurrentEdit(current)


@transaction.atomic
def freeze(report, user, expected_version: int, docx: bytes, pdf_bytes: bytes) -> AnnualReport:
    """Store the finished documents and make the report final (under the lock)."""
    report = _lock(report, expected_version)
    name = f"annual-report-{report.year}-{report.pk}"
    report.docx.save(f"{name}.docx", ContentFile(docx), save=False)
    report.pdf.save(f"{name}.pdf", ContentFile(pdf_bytes), save=False)
    report.state = AnnualReport.State.FINAL
    report.finalised_at = timezone.now()
    report.finalised_by = user
    return _commit(report, user, AuditAction.FINALISE, {"state": report.state})


# -- helpers -------------------------------------------------------------------------------


def _lock(report, expected_version: int) -> AnnualReport:
    current = (
        AnnualReport.objects.select_for_update(of=("self",))
        .select_related("updated_by", "plan", "region", "unit", "organisation")
        .get(pk=report.pk)
    )
    if current.is_final:
        raise WorkflowError("该报告已定稿，不能再修改；如需修改，请新建草稿。")
    if current.version != expected_version:
        raise ConcurrentEdit(current)
    return current


def _apply(report, header: dict, texts: dict) -> dict:
    changes = {}
    for name in HEADER_FIELDS:
        if name not in header:
            continue
        value = (header[name] or "").strip()
        if name in ("issuer_mark", "title", "addressee", "signature") and not value:
            label = AnnualReport._meta.get_field(name).verbose_name
            raise ValidationError(f"请填写{label}。")
        if len(value) > AnnualReport._meta.get_field(name).max_length:
            label = AnnualReport._meta.get_field(name).verbose_name
            raise ValidationError(f"{label}过长，请精简。")
        if getattr(report, name) != value:
            changes[name] = [getattr(report, name), value]
            setattr(report, name, value)
    sections, edited = [], {}
    for section in report.sections:
        text = texts.get(section["key"])
        if text is not None:
            text = text.replace("\r\n", "\n").strip()
            if len(text) > MAX_TEXT:
                raise ValidationError(f"“{section['heading']}”超过{MAX_TEXT}字，请精简。")
            if text != section["text"]:
                edited[section["heading"]] = "已修改"
                section = {**section, "text": text}
        sections.append(section)
    report.sections = sections
    if edited:
        changes["sections"] = edited
    return changes


def _heading(report, key: str) -> str:
    return next((s["heading"] for s in report.sections if s["key"] == key), key)


def _commit(report, user, action: str, changes: dict) -> AnnualReport:
    report.version += 1
    report.updated_by = user
    report.save()
    AnnualReportVersion.objects.create(
        report=report,
        number=report.version,
        action=action,
        snapshot={
            **{name: getattr(report, name) for name in HEADER_FIELDS},
            "sections": report.sections,
            "state": report.state,
        },
        author=user,
    )
    record(user, action, report, changes, organisation=report.organisation_id)
    return report
