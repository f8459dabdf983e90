"""The office corrects the parse in the import preview: one page per measure (its text,
its diagnostics and a form for each correction), the source text by line (to make a line
a measure), and one POST URL per kind of correction. The writing is done by
plans.import_corrections; every change returns to the preview, which shows the result."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from taizhang.plans import import_corrections as corrections
from taizhang.plans import importing
from taizhang.plans.import_forms import (
    DeadlineForm,
    LineForm,
    MeasureForm,
    SplitForm,
    TargetsForm,
    UndoForm,
    UnitsForm,
)
from taizhang.plans.import_views import IMPORTS, OfficeOnlyMixin, placed, staged, translate
from taizhang.web.views import ActionView

SOURCE_WINDOW = 40  # lines shown either side of the one asked for


def preview_url(plan_import, index: int | None = None, anchor: str = "ledger") -> str:
    """The preview at the measure ``index`` (else at ``anchor``)."""
    url = reverse("plans:import_preview", kwargs={"import_id": plan_import.pk})
    return f"{url}#m-{index}" if index is not None and index >= 0 else f"{url}#{anchor}"


class MeasureView(OfficeOnlyMixin, View):
    """GET ?key=…: one measure of the corrected preview and the corrections it can take."""

    template_name = "plans/import_measure.html"

    def get(self, request, import_id):
        plan_import = staged(request, import_id)
        current = corrections.corrected(plan_import)
        document = current.document
        index, task = corrections.find(document, request.GET.get("key"))
        if task is None:
            messages.error(request, corrections.STALE)
            return redirect(preview_url(plan_import))
        nearby = importing.diagnostics_by_task(document)[0].get(index, [])
        split = corrections.sentence_lines(plan_import)
        place = corrections.places(document, plan_import.source_text, split).get(index)
        following = document["tasks"][index + 1] if index + 1 < len(document["tasks"]) else None
        key = {"key": task["key"]}
        context = {
            "plan_import": plan_import,
            "task": task,
            "index": index,
            "following": following,
            "diagnostics": [placed(translate(d), place) for d in nearby],
            "place": place,
            "points": corrections.split_points(task["text"]),
            "split_form": SplitForm(initial=key),
            "units_form": UnitsForm(
                initial={
                    **key,
                    **{f: "、".join(task[f]) for f in corrections.ATTRIBUTION_FIELDS},
                }
            ),
            "deadline_form": DeadlineForm(initial={**key, "deadline": task["deadline"] or ""}),
            "targets_form": TargetsForm(
                initial={**key, "targets": "\n".join(t["quote"] for t in task["targets"])}
            ),
            "changed": task["key"] in current.changed_keys,
        }
        return render(request, self.template_name, context)


class SourceView(OfficeOnlyMixin, View):
    """GET ?line=N (&at=offset): the uploaded text around line N, numbered as the
    diagnostics cite it; a long line printed run in is shown sentence by sentence
    (import_corrections.source_rows), each addressable. A line, or a sentence, that is not
    a measure can be made one."""

    template_name = "plans/import_source.html"

    def get(self, request, import_id):
        plan_import = staged(request, import_id)
        document = corrections.corrected(plan_import).document
        split = corrections.sentence_lines(plan_import)
        rows = corrections.source_rows(document, plan_import.source_text, split)
        line, at = _number(request.GET.get("line"), 1), _number(request.GET.get("at"), None)
        here = _row_at(rows, line, at)
        first = max(here - SOURCE_WINDOW, 0)
        last = min(here + SOURCE_WINDOW, len(rows) - 1)
        shown = [
            {**row, "current": index == here and "line" in request.GET}
            for index, row in enumerate(rows[first : last + 1], first)
        ]
        total = rows[-1]["number"] if rows else 0
        context = {
            "plan_import": plan_import,
            "rows": shown,
            "earlier": rows[max(first - SOURCE_WINDOW - 1, 0)] if first > 0 else None,
            "later": rows[min(last + SOURCE_WINDOW + 1, len(rows) - 1)]
            if last < len(rows) - 1
            else None,
            "total": total,
            "sentences": any("sentence" in row for row in rows),
        }
        return render(request, self.template_name, context)


def _number(value: str | None, default: int | None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _row_at(rows: list[dict], line: int, at: int | None) -> int:
    """The index of the row of ``line`` (of its sentence holding offset ``at``), else of
    the nearest line before."""
    best = 0
    for index, row in enumerate(rows):
        if row["number"] > line:
            break
        if row["number"] == line and at is None:
            return index
        if row["number"] < line or row.get("at", 0) <= at:
            best = index
        else:
            break
    return best


class CorrectionView(OfficeOnlyMixin, ActionView):
    """POST one correction to a staged import; refusals come back as one message."""

    queryset = IMPORTS
    pk_url_kwarg = "import_id"
    permission = "plans.change_import"
    refusals = (corrections.CorrectionRefused,)
    success_message = "已更正，请核对更正后的任务。"

    def get_object(self):
        self.index = None
        return super().get_object()

    def locate(self, key: str) -> None:
        """Remember where the measure stands, to show it again after the change."""
        self.index = corrections.find(corrections.corrected(self.object).document, key)[0]

    def done(self, result):
        return redirect(preview_url(self.object, self.index))


class SplitView(CorrectionView):
    form_class = SplitForm

    def act(self, form):
        data = form.cleaned_data
        self.locate(data["key"])
        return corrections.split(
            self.object, self.request.user, data["key"], data["offset"], data["starts_with"]
        )


class MergeView(CorrectionView):
    form_class = MeasureForm

    def act(self, form):
        key = form.cleaned_data["key"]
        self.locate(key)
        return corrections.correct(self.object, self.request.user, {"action": "merge", "key": key})


class NotMeasureView(CorrectionView):
    form_class = MeasureForm
    success_message = "已标为不是任务，该条不会导入台账。"

    def act(self, form):
        key = form.cleaned_data["key"]
        self.locate(key)
        return corrections.correct(
            self.object, self.request.user, {"action": "not_measure", "key": key}
        )


class SetView(CorrectionView):
    """Set fields of a measure: one correction for each field that changes."""

    def values(self, data: dict, task: dict | None) -> dict:
        raise NotImplementedError

    def act(self, form):
        data = form.cleaned_data
        self.index, task = corrections.find(
            corrections.corrected(self.object).document, data["key"]
        )
        values = self.values(data, task)
        return corrections.set_fields(self.object, self.request.user, data["key"], values)


class UnitsView(SetView):
    form_class = UnitsForm

    def values(self, data, task):
        return {f: corrections.names(data[f]) for f in corrections.ATTRIBUTION_FIELDS}


class DeadlineView(SetView):
    form_class = DeadlineForm

    def values(self, data, task):
        return {"deadline": data["deadline"].strip() or None}


class TargetsView(SetView):
    form_class = TargetsForm

    def values(self, data, task):
        kept = task["targets"] if task else []
        return {"targets": corrections.targets(data["targets"], kept)}


class MakeMeasureView(CorrectionView):
    """Make a line a measure, or (``at``) the sentence of a run-in line starting there."""

    form_class = LineForm
    success_message = "已将该行设为任务，请核对其单位和时限。"

    def act(self, form):
        line, at = form.cleaned_data["line"], form.cleaned_data["at"]
        before = {t["key"] for t in corrections.corrected(self.object).document["tasks"]}
        stored = corrections.correct(
            self.object, self.request.user, {"action": "measure", "line": line, "offset": at}
        )
        if at is not None:
            self.success_message = "已将该句设为任务，请核对其单位和时限。"
        self.object.refresh_from_db(fields=["corrections"])
        tasks = corrections.corrected(self.object).document["tasks"]
        self.index = next((i for i, t in enumerate(tasks) if t["key"] not in before), None)
        return stored


class UndoView(CorrectionView):
    form_class = UndoForm
    success_message = "已撤销该更正。"

    def act(self, form):
        return corrections.undo(self.object, self.request.user, form.cleaned_data["index"])

    def done(self, result):
        return redirect(preview_url(self.object, anchor="corrections"))


class AdoptView(CorrectionView):
    """Apply the corrections offered from the previous import of the plan."""

    success_message = ""

    def act(self, form):
        count = corrections.adopt(self.object, self.request.user)
        messages.success(self.request, f"已沿用上次导入时的 {count} 条更正。")
        return count

    def done(self, result):
        return redirect(preview_url(self.object, anchor="corrections"))
