"""The import pages: upload a plan (or a revised version), check the preview, confirm or
abandon. Only the organisation's coordinating office may import; the writing is done by
plans.importing."""

from __future__ import annotations

import logging
import re
import tomllib
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.views import View
from django.views.generic import FormView

from taizhang.accounts.access import load
from taizhang.accounts.models import Role
from taizhang.plans import assignments, background, import_corrections, importing
from taizhang.plans.import_forms import NameChoicesForm, ReviseForm, UploadForm
from taizhang.plans.models import Plan, PlanImport
from taizhang.units import services as directory
from taizhang.units.models import Region, Unit
from taizhang.web.views import ActionView

log = logging.getLogger(__name__)

CONFIRM_FAILED = "导入未完成，未写入任何数据。请稍后重试；如仍失败，请联系系统管理员。"


class OfficeOnlyMixin:
    """Anonymous -> login; anyone but an office admin of an organisation -> 403."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.check_office(request.user)
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def check_office(user) -> None:
        if not user.has_perm("plans.import_plan") or user.organisation_id is None:
            raise PermissionDenied


class UploadView(OfficeOnlyMixin, FormView):
    template_name = "plans/import_upload.html"
    form_class = UploadForm

    def get_form_kwargs(self):
        user = self.request.user
        county = user.region if user.role == Role.COUNTY_OFFICE else None
        return {**super().get_form_kwargs(), "organisation": user.organisation, "county": county}

    def get_initial(self):
        user = self.request.user
        if user.role == Role.COUNTY_OFFICE:
            return {"region": user.region}
        home = Region.objects.filter(
            organisation_id=user.organisation_id, level=Region.Level.PREFECTURE
        ).first()
        return {"region": home}

    def form_valid(self, form):
        data = form.cleaned_data
        return _stage(
            self.request,
            form,
            region=data["region"],
            parent=data["parent"],
            revises=None,
        ) or self.form_invalid(form)


class ReviseView(OfficeOnlyMixin, FormView):
    template_name = "plans/import_revise.html"
    form_class = ReviseForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.check_office(request.user)  # the role decides first: 403 before 404
            # another organisation's plan does not exist, as far as this person knows
            self.plan = get_object_or_404(
                Plan.objects.select_related("region"),
                pk=kwargs["plan_id"],
                organisation_id=request.user.organisation_id,
            )
            if not request.user.has_perm("plans.change_plan", self.plan):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)

    def form_valid(self, form):
        staged = _stage(self.request, form, region=self.plan.region, parent=None, revises=self.plan)
        return staged or self.form_invalid(form)


def _stage(request, form, *, region, parent, revises):
    """Parse the upload into a PlanImport and go to its preview; None with the form's
    error set when the file cannot become a plan. A large file or a PDF is parsed in the
    background: the person follows its progress on the job's page, which leads on to the
    preview (or says in Chinese why the file cannot be imported)."""
    upload = form.cleaned_data["file"]
    if background.parse_in_background(upload):
        job = background.parse_later(request, upload, region, parent, revises)
        return redirect("jobs:job", job_id=job.pk)
    try:
        plan_import = importing.stage(
            request.user.organisation,
            request.user,
            region,
            PurePath(upload.name).name,
            upload.read(),
            revises=revises,
            parent=parent,
        )
    except importing.ImportRejected as rejected:
        form.add_error("file", str(rejected))
        return None
    return redirect("plans:import_preview", import_id=plan_import.pk)


IMPORTS = PlanImport.objects.select_related("organisation", "region", "revises", "uploaded_by")


def staged(request, import_id: int) -> PlanImport:
    """A staged import of the office's organisation (404 for any other); a county
    office's of its own county (403 for the others)."""
    return load(request.user, IMPORTS, import_id, "plans.view_import")


class AbandonView(OfficeOnlyMixin, View):
    """Abandon a staged import: nothing of it stays behind."""

    http_method_names = ["post"]

    def post(self, request, import_id):
        plan_import = staged(request, import_id)
        importing.abandon(plan_import, request.user)
        messages.info(request, f"已放弃导入《{plan_import.source_name}》，未写入任何数据。")
        if plan_import.revises_id:
            return redirect(_ledger_url(plan_import.revises))
        return redirect("plans:import")


class PreviewView(OfficeOnlyMixin, View):
    """GET: the preview; POST: confirm it (AbandonView abandons it)."""

    template_name = "plans/import_preview.html"

    def get_import(self) -> PlanImport:
        return staged(self.request, self.kwargs["import_id"])

    def get(self, request, import_id):
        plan_import = self.get_import()
        preview = importing.preview(plan_import)
        return self.render(preview, self.name_form(preview))

    def post(self, request, import_id):
        plan_import = self.get_import()
        preview = importing.preview(plan_import)
        form = self.name_form(preview, request.POST)
        if not form.is_valid():
            return self.render(preview, form, status=400)
        try:
            plan = importing.confirm(
                plan_import, request.user, form.mapping(), form.drafts(), form.same_as()
            )
        except PlanImport.DoesNotExist:  # confirmed or abandoned in another tab meanwhile
            messages.error(request, "该导入已被确认或放弃，请重新上传。")
            return redirect("plans:import")
        except importing.ImportRejected as rejected:  # e.g. a name mapped to a wrong unit
            messages.error(request, str(rejected))
            return redirect("plans:import_preview", import_id=plan_import.pk)
        except Exception:  # the transaction rolled back; the office can try again
            log.exception("confirming import %s failed", plan_import.pk)
            messages.error(request, CONFIRM_FAILED)
            return redirect("plans:import_preview", import_id=plan_import.pk)
        verb = "修订" if plan_import.revises_id else "导入"
        live = plan.measures.filter(withdrawn=False)
        count = live.filter(source__isnull=True).count()
        adhoc = sorted(live.exclude(source=None).values_list("number", flat=True))
        # the preview counted the document's measures; the ledger adds the 督办事项, numbered
        # on after the revised plan's last measure (adhoc.renumber)
        kept = f"；另有督办事项 {len(adhoc)} 项，不受修订影响，{_numbered(adhoc)}" if adhoc else ""
        messages.success(request, f"已{verb}《{plan.title}》，共 {count} 项任务{kept}。")
        unreached = assignments.unreached_collectives([plan])
        if unreached:
            messages.warning(request, unreached_message(unreached, request.user))
        return redirect(_ledger_url(plan))

    def name_form(self, preview, data=None) -> NameChoicesForm:
        user = self.request.user
        units = Unit.objects.filter(organisation_id=user.organisation_id).select_related("region")
        regions = [r for r in preview.regions if r.level in _UNIT_LEVELS]
        if user.role == Role.COUNTY_OFFICE:  # a county maps names to its own units only
            units = units.filter(region_id=user.region_id)
            regions = [r for r in regions if r.pk == user.region_id]
        units = sorted(
            units, key=lambda u: (u.region.level != Region.Level.PREFECTURE, u.region_id, u.name)
        )
        region = preview.plan_import.region
        county = region if region.level != Region.Level.PREFECTURE else None
        return NameChoicesForm(
            data, unknown=preview.unknown, units=units, regions=regions, county=county
        )

    def render(self, preview, form, status=200):
        document = preview.corrected.document
        plan_import = preview.plan_import
        split = import_corrections.sentence_lines(plan_import)
        places = import_corrections.places(document, plan_import.source_text, split)
        context = {
            "plan_import": preview.plan_import,
            "preview": preview,
            "document": document,
            "form": form,
            "name_rows": list(form.rows()),
            "rows": ledger_rows(preview, places),
            "general_diagnostics": general_diagnostics(preview, places),
            "diagnostic_count": len(document["diagnostics"]),
            "collectives": collective_rows(preview),
            "changes": preview.changes,
            "kept": preview.kept,
            "known_count": len(preview.names) - len(preview.unknown),
            "corrections": correction_rows(preview),
            "offered": [
                {"label": import_corrections.shown_label(raw)}
                for raw in preview.plan_import.offered or []
            ],
            "dropped": preview.dropped,
            "legend": legend(document["diagnostics"]),
            "sentence_lines": sorted(split),
        }
        return render(self.request, self.template_name, context, status=status)


_UNIT_LEVELS = (Region.Level.PREFECTURE, Region.Level.COUNTY)


def _numbered(numbers: list[int]) -> str:
    """编号接在方案任务之后（第83—84项）: the 督办事项's numbers after the plan's measures."""
    run = len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1))
    shown = f"{numbers[0]}—{numbers[-1]}" if run else "、".join(map(str, numbers))
    return f"编号接在方案任务之后（第{shown}项）"


def _ledger_url(plan: Plan) -> str:
    """The plan's ledger page when the ledger app provides one, else the plan list."""
    try:
        return reverse("ledger:ledger", kwargs={"plan_id": plan.pk})
    except NoReverseMatch:
        return reverse("ledger:list")


# -- what the template shows ----------------------------------------------------------


@lru_cache(maxsize=1)
def diagnostic_texts() -> dict[str, dict[str, str]]:
    """The parser's diagnostics are English for developers; the office reads these
    (data/diagnostics.toml: code -> label and what to check)."""
    data = resources.files("taizhang.plans").joinpath("data/diagnostics.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def _texts(code: str) -> dict[str, str]:
    table = diagnostic_texts()
    return table.get(code, table["other"])


def legend(diagnostics: list[dict]) -> list[dict]:
    """What each kind of diagnostic on the page means and how to correct it."""
    counts = Counter(d["code"] for d in diagnostics)
    return [{**_texts(code), "count": count} for code, count in counts.items()]


def correction_rows(preview) -> list[dict]:
    """The corrections made, in order, each with whether it still applies."""
    stale = {id(raw) for raw in preview.corrected.stale}
    return [
        {"index": i, "label": import_corrections.shown_label(raw), "stale": id(raw) in stale}
        for i, raw in enumerate(preview.plan_import.corrections)
    ]


# where a measure's units were taken from, quoted as printed (the message ends ": <text>.")
_QUOTED_SOURCES = {
    "attribution-by-number": "单位取自任务之后按编号列出的分工：",
    "attribution-by-footnote": "单位取自任务之后的注释：",
}


def translate(diagnostic: dict) -> dict:
    """A diagnostic as the office reads it: a Chinese label and the detail it names."""
    code, message = diagnostic["code"], diagnostic["message"]
    detail = ""
    numbers = re.findall(r"\d+", message)
    if code == "numbering-gap" and len(numbers) >= 2:
        detail = f"第{numbers[0]}项排在第{numbers[1]}项之后"
    elif code == "numbering-repeat" and numbers:
        detail = f"第{numbers[0]}项出现两次"
    elif code in ("unknown-unit", "attribution-unsplit") and ":" in message:
        detail = message.split(":", 1)[1].split(";")[0].strip().rstrip(".")
    elif code == "shared-attribution" and len(numbers) >= 2:
        detail = f"第{numbers[0]}项沿用第{numbers[1]}项之后印出的单位"
    elif code == "chapter-attribution" and len(numbers) >= 2:
        detail = f"第{numbers[0]}项沿用原文第{numbers[-1]}行本章统一的分工"
    elif code == "level-uncertain" and numbers:
        detail = f"另一层编号的条目（原文第{'、'.join(numbers[:5])}行）也写有单位"
    elif code == "target-unread":
        quoted = re.search(r"“(.+?)”", message)
        detail = f"“{quoted.group(1)}”" if quoted else ""
    elif code in _QUOTED_SOURCES and ": " in message:
        detail = f"{_QUOTED_SOURCES[code]}“{message.rsplit(': ', 1)[1].rstrip('.')}”"
    elif code == "units-in-text" and (clauses := re.search(r"\((.+)\); check", message)):
        detail = f"从这些语句读出单位：“{clauses.group(1)}”，请核对"
    elif code == "heading-units" and (taken := re.search(r"measures ([\d, ]+) under", message)):
        detail = f"作为第{'、'.join(taken.group(1).split(', '))}项的单位"
    elif code == "unlabelled-units":
        detail = "所列单位均记为责任单位，请在“更正”中指定牵头单位"
    return {
        "code": code,
        "label": _texts(code)["label"],
        "detail": detail,
        "line": diagnostic["line"],
        "level": diagnostic.get("level", "warning"),
        "original": message,
    }


def placed(diagnostic: dict, place) -> dict:
    """A measure's diagnostic on a line shown sentence by sentence (a run-in copy) names
    the sentence where the measure starts (import_corrections.Place), not 原文第1行."""
    if place is not None and diagnostic["line"] == place.line:
        return {**diagnostic, "place": place}
    return diagnostic


def general_diagnostics(preview, places) -> list[dict]:
    """The diagnostics about the whole file. One the parser tied to a line shown sentence by
    sentence (a run-in copy) names the sentence of the first measure on that line, where it
    points (no-attributions: the first measure's line), not 原文第1行. ``places``:
    import_corrections.places of the preview's document."""
    first = {}
    for index in sorted(places, reverse=True):
        first[places[index].line] = places[index]
    return [placed(translate(d), first.get(d["line"])) for d in preview.general_diagnostics]


def _collectives_by_role(task: dict) -> dict[str, list[str]]:
    """The measure's collectives in the column the confirm puts them (lead or responsible)."""
    roles = {phrase: importing.task_collective_role(task, phrase) for phrase in task["collectives"]}
    return {
        "lead_collectives": [p for p, role in roles.items() if role == "lead"],
        "responsible_collectives": [p for p, role in roles.items() if role != "lead"],
    }


def ledger_rows(preview, places) -> list[dict]:
    """The parsed ledger in order, with chapter and section headings where they change,
    each measure's diagnostics and, for a revision, whether it is new or changed. ``places``:
    where each measure starts on a line shown sentence by sentence (import_corrections.places)."""
    document = preview.corrected.document
    chapters = {c["no"]: c["title"] for c in document["chapters"]}
    sections = {(s["chapter"], s["no"]): s["title"] for s in document["sections"]}
    unknown = {c.name for c in preview.unknown}
    changed_keys = preview.corrected.changed_keys
    added = set(preview.diff.added) if preview.diff else set()
    changed = set(preview.diff.changed) if preview.diff else set()
    rows, chapter, section = [], object(), object()
    for index, task in enumerate(preview.tasks):
        if task["chapter"] != chapter:
            chapter, section = task["chapter"], object()
            if chapter:
                rows.append({"heading": f"{chapter}、{chapters.get(chapter, '')}"})
        if task["section"] != section:
            section = task["section"]
            if section:
                title = sections.get((task["chapter"], section), "")
                rows.append({"heading": f"（{section}）{title}", "minor": True})
        lead_in, body = _split_title(task)
        rows.append(
            {
                "task": task,
                "index": index,
                "corrected": task["key"] in changed_keys,
                "lead_in": lead_in,
                "body": body,
                "lead": [(n, n in unknown) for n in task["lead"]],
                "responsible": [(n, n in unknown) for n in task["responsible"]],
                **_collectives_by_role(task),
                "diagnostics": [
                    placed(translate(d), places.get(index))
                    for d in preview.diagnostics_by_task.get(index, [])
                ],
                "place": places.get(index),
                "state": "added" if index in added else "changed" if index in changed else "",
            }
        )
    return rows


def _split_title(task: dict) -> tuple[str, str]:
    """A measure's short title in bold, as the printed plan sets it: the title is usually
    the text's first sentence, otherwise it goes in front."""
    title, text = task["title"] or "", task["text"]
    if not title:
        return "", text
    if text.startswith(title):
        end = len(title) + (text[len(title) : len(title) + 1] in ("。", "．", ".", "：", ":"))
        return text[:end], text[end:]
    return f"{title}。", text


def collective_rows(preview) -> list[dict]:
    """Each collective phrase, how many measures name it and the units it will mean in the
    imported plan (plans.assignments.phrase_reach: the rule the confirm message and the
    office's to-do ask, so a county's plan counts that county's members only).
    ``reached`` is false for a collective that would mean nobody: its measures would reach
    no unit's to-do, so the office is sent to set its members (``collective``: the defined
    one, to link to)."""
    plan_import = preview.plan_import
    key = directory.name_key  # 各县 (市) is 各县(市): one collective, its measures counted once
    named = Counter(k for task in preview.tasks for k in {key(p) for p in task["collectives"]})
    return [
        {
            "phrase": reach.phrase,
            "collective": reach.collective,
            "members": reach.members,
            "elsewhere": reach.elsewhere,
            "known": reach.collective is not None,
            "reached": reach.members > 0,
            "measures": named[key(reach.phrase)],
        }
        for reach in assignments.phrase_reach(
            preview.collectives, plan_import.organisation_id, plan_import.region
        )
    ]


def unreached_message(unreached, user) -> str:
    """What the office is told after the confirm when a collective means nobody yet: each
    one linked to the page where its members are set (for whoever may set them; a county
    office is told to ask the office)."""
    if user.has_perm("units.change_collective", unreached.collectives[0]):
        named = format_html_join(
            "、",
            '<a href="{}">{}</a>（{} 项）',
            (
                (
                    reverse("directory:collective", kwargs={"collective_id": c.pk}),
                    c.phrase,
                    c.measure_count,
                )
                for c in unreached.collectives
            ),
        )
        ask = "请设定其成员单位"
    else:
        named = format_html_join(
            "、", "{}（{} 项）", ((c.phrase, c.measure_count) for c in unreached.collectives)
        )
        ask = "请依法治理办在单位名录中设定其成员单位"
    return format_html(
        "{} 项任务分配给尚未设定成员的统称：{}。这些任务尚未进入任何单位的待办，{}。",
        unreached.measure_count,
        named,
        ask,
    )


class StageAsRevisionView(ActionView):
    """The preview warned that the upload repeats a plan: import it as that plan's
    revision instead (the preview then shows what changes)."""

    queryset = IMPORTS
    pk_url_kwarg = "import_id"
    permission = "plans.change_import"
    refused = "只有依法治理办可以导入方案。"
    refusals = (importing.ImportRejected,)

    def act(self, form):
        plan = Plan.objects.filter(
            pk=self.kwargs["plan_id"], organisation_id=self.request.user.organisation_id
        ).first()
        if plan is None:
            raise importing.ImportRejected("所选方案不存在。")
        return importing.stage_as_revision(self.object, plan, self.request.user)

    def done(self, result):
        if result is not None:
            messages.info(
                self.request, f"已改为《{result.revises.label}》的修订版导入，请核对修订对比。"
            )
        return redirect("plans:import_preview", import_id=self.object.pk)
