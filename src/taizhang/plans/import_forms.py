"""Input of the import pages: the upload, and the office's choice for each unknown name."""

from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe

from taizhang.parsing.errors import refusal_message
from taizhang.parsing.normalize import fold
from taizhang.parsing.reading import MAX_BYTES
from taizhang.plans.importing import county_body, names_top
from taizhang.plans.models import Plan
from taizhang.units.models import Region, Unit

ALLOWED_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".xlsx", ".pdf")
WRONG_SUFFIX = "仅支持 .txt、.html、.docx、.xlsx、.pdf 格式的方案文件。"
_SUGGEST = 0.6  # share of the shorter name's character pairs found in the other


class UploadForm(forms.Form):
    """A new plan: the file, whose plan it is, and the plan it carries out."""

    file = forms.FileField(
        label="方案文件",
        help_text="支持 .txt、.html、.docx、.xlsx（任务分工表）、.pdf，不超过 20 MB。",
        error_messages={"required": "请选择要导入的方案文件。", "empty": refusal_message("empty")},
    )
    region = forms.ModelChoiceField(
        label="方案所属地区",
        queryset=Region.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": "请选择本单位所辖的地区。"},
    )
    parent = forms.ModelChoiceField(
        label="上级方案",
        queryset=Plan.objects.none(),
        required=False,
        empty_label="（无）",
        help_text="县(市、区)方案落实的州(市)方案。",
        error_messages={"invalid_choice": "请选择本单位已导入的方案。"},
    )

    def __init__(self, *args, organisation, county=None, **kwargs):
        """``county``: a county office imports its own county's plan only, carrying out
        one of the organisation's plans above the counties."""
        super().__init__(*args, **kwargs)
        regions = Region.objects.filter(organisation=organisation).exclude(
            level__in=[Region.Level.TOWNSHIP, Region.Level.VILLAGE]
        )
        parents = Plan.objects.filter(organisation=organisation)
        if county is not None:
            regions = regions.filter(pk=county.pk)
            parents = parents.exclude(region__level=Region.Level.COUNTY)
        self.fields["region"].queryset = regions
        self.fields["parent"].queryset = parents.only("pk", "title")

    def clean_file(self):
        return _checked_file(self.cleaned_data["file"])


class ReviseForm(forms.Form):
    """A revised version of an existing plan."""

    file = forms.FileField(
        label="修订后的方案文件",
        help_text="支持 .txt、.html、.docx、.xlsx（任务分工表）、.pdf，不超过 20 MB。",
        error_messages={"required": "请选择修订后的方案文件。", "empty": refusal_message("empty")},
    )

    def clean_file(self):
        return _checked_file(self.cleaned_data["file"])


def _checked_file(upload):
    """Refuse what cannot be a plan before reading it: size, then kind."""
    if upload.size > MAX_BYTES:
        raise forms.ValidationError(refusal_message("too_large"))
    suffix = PurePath(upload.name).suffix.lower()
    if suffix in (".doc", ".wps", ".xls"):
        raise forms.ValidationError(refusal_message("legacy_office"))
    if suffix not in ALLOWED_SUFFIXES:
        raise forms.ValidationError(WRONG_SUFFIX)
    return upload


class NameChoicesForm(forms.Form):
    """For each name not in the directory: create the drafted unit, map the name to an
    existing unit (which then gets the name as an alias), or map it to another new name of
    this import that is the same body (州发改委 beside 州发展和改革委员会: one unit is made,
    the other name its alias).

    Fields per name i: n{i}-action, n{i}-unit, n{i}-category, n{i}-level, n{i}-region.
    The unit select is rendered from one prepared list (see unit_options) because a big
    plan times a big directory is tens of thousands of options."""

    ACTIONS = [("create", "新建单位"), ("map", "对应已有单位")]

    def __init__(self, data=None, *, unknown, units, regions, county=None):
        super().__init__(data)
        self.county = county  # the county whose plan this is, else None
        self.unknown = unknown
        self.units = units
        unit_choices = [
            ("", "— 请选择 —"),
            *((str(u.pk), u.name) for u in units),
            *((_new(j), c.name) for j, c in enumerate(unknown)),
        ]
        region_choices = [(r.pk, r.name) for r in regions]
        suggestions = suggest_units([c.name for c in unknown], units)
        self.suggested = suggestions
        self.abbreviated = abbreviations([c.name for c in unknown])
        self.abbreviated_units = unit_abbreviations(
            [c.name for c in unknown if c.name not in suggestions], units
        )
        for i, choice in enumerate(unknown):
            draft = choice.draft
            # a name left out of the post is created as drafted, as importing.confirm does
            self.fields[f"n{i}-action"] = forms.ChoiceField(
                choices=self.ACTIONS, initial="create", widget=forms.RadioSelect, required=False
            )
            suggested = suggestions.get(choice.name)
            self.fields[f"n{i}-unit"] = forms.ChoiceField(
                choices=unit_choices,
                required=False,
                initial=str(suggested) if suggested is not None else None,
            )
            self.fields[f"n{i}-category"] = forms.ChoiceField(
                choices=Unit.Category.choices, initial=draft.category, required=False
            )
            self.fields[f"n{i}-level"] = forms.ChoiceField(
                choices=Region.Level.choices, initial=draft.level, required=False
            )
            # a body of the organisation's own in a county's plan (市司法局) is drafted there:
            # its region stays a choice beside the county's (importing.names_top)
            own = [(draft.region.pk, draft.region.name)]
            own = [] if draft.region.pk in dict(region_choices) else own
            self.fields[f"n{i}-region"] = forms.TypedChoiceField(
                choices=[*own, *region_choices],
                coerce=int,
                initial=draft.region.pk,
                required=False,
                empty_value=None,
            )

    def clean(self):
        cleaned = super().clean()
        mapped = {
            i: cleaned.get(f"n{i}-unit") or ""
            for i in range(len(self.unknown))
            if cleaned.get(f"n{i}-action") == "map"
        }
        missing = [self.unknown[i].name for i, value in mapped.items() if not value]
        if missing:
            raise forms.ValidationError(
                "请为以下名称选择对应的已有单位，或改为新建：" + "、".join(missing)
            )
        for i, value in mapped.items():
            j = _new_index(value)
            if j is None:
                continue
            name, other = self.unknown[i].name, self.unknown[j].name
            if j == i:
                raise forms.ValidationError(f"“{name}”不能对应到它自己，请改为新建。")
            if j in mapped:
                raise forms.ValidationError(
                    f"“{name}”对应的“{other}”本身也对应到了其他单位，请直接选择最终对应的单位。"
                )
        return cleaned

    def mapping(self) -> dict[str, int | None]:
        """name -> existing unit id, or None to create it (importing.confirm's mapping)."""
        found = {}
        for i, choice in enumerate(self.unknown):
            value = self.cleaned_data[f"n{i}-unit"] or ""
            mapped = self.cleaned_data[f"n{i}-action"] == "map" and value.isdigit()
            found[choice.name] = int(value) if mapped else None
        return found

    def same_as(self) -> dict[str, str]:
        """name -> the other new name of this import that is the same body."""
        found = {}
        for i, choice in enumerate(self.unknown):
            j = _new_index(self.cleaned_data[f"n{i}-unit"] or "")
            if self.cleaned_data[f"n{i}-action"] == "map" and j is not None:
                found[choice.name] = self.unknown[j].name
        return found

    def drafts(self) -> dict[str, dict]:
        """name -> corrections of the drafted unit (empty values keep the draft)."""
        return {
            choice.name: {
                "category": self.cleaned_data.get(f"n{i}-category") or None,
                "level": self.cleaned_data.get(f"n{i}-level") or None,
                "region": self.cleaned_data.get(f"n{i}-region"),
            }
            for i, choice in enumerate(self.unknown)
        }

    def rows(self):
        """(index, name choice, fields, unit options HTML, suggested unit) per name."""
        names = {u.pk: u for u in self.units}
        prepared = [(u.pk, escape(u.name), escape(u.region.name)) for u in self.units]
        new_names = [(_new(j), escape(c.name)) for j, c in enumerate(self.unknown)]
        for i, choice in enumerate(self.unknown):
            field = self[f"n{i}-unit"]
            selected = field.value()
            others = [option for j, option in enumerate(new_names) if j != i]
            yield {
                "index": i,
                "choice": choice,
                "action": self[f"n{i}-action"],
                "unit": field,
                "unit_options": _options(prepared, selected, others),
                "category": self[f"n{i}-category"],
                "level": self[f"n{i}-level"],
                "region": self[f"n{i}-region"],
                "suggested": names.get(self.suggested.get(choice.name)),
                "needs_county": _needs_county(choice.draft),
                "top_body": _top_body(choice.draft, self.county),
                "abbreviates": self.abbreviated.get(choice.name),
                "abbreviates_unit": self.abbreviated_units.get(choice.name),
            }


def _top_body(draft, county) -> str:
    """In a county's plan, a new name drafted as the organisation's own unit (市司法局 in
    永宁县's plan): the name the county's own body would have (永宁县司法局), so the office
    sees the choice; "" otherwise."""
    if county is None or draft is None or draft.region.level != Region.Level.PREFECTURE:
        return ""
    return county_body(draft.name, county) if names_top(draft.name, county) else ""


def _needs_county(draft) -> bool:
    """A unit drafted below the prefecture's level (区人社局) but in the prefecture's region:
    its name says no county, so the office is asked to choose one (a county office sees
    the units of its county only)."""
    below = draft is not None and draft.level != Region.Level.PREFECTURE
    return below and draft.region.level == Region.Level.PREFECTURE


def _new(index: int) -> str:
    """The option value that stands for another new name of this import."""
    return f"new-{index}"


def _new_index(value: str) -> int | None:
    if not value.startswith("new-") or not value[4:].isdigit():
        return None
    return int(value[4:])


def _options(prepared, selected, others=()) -> str:
    selected = str(selected) if selected not in (None, "") else ""
    parts = ['<option value="">— 请选择 —</option>']
    group = None
    for pk, name, region in prepared:
        if region != group:
            if group is not None:
                parts.append("</optgroup>")
            parts.append(f'<optgroup label="{region}">')
            group = region
        mark = " selected" if str(pk) == selected else ""
        parts.append(f'<option value="{pk}"{mark}>{name}</option>')
    if group is not None:
        parts.append("</optgroup>")
    if others:  # the same body under another name of this import: made once
        parts.append('<optgroup label="本次导入的其他新名称（同一单位）">')
        for value, name in others:
            mark = " selected" if value == selected else ""
            parts.append(f'<option value="{value}"{mark}>{name}</option>')
        parts.append("</optgroup>")
    return mark_safe("".join(parts))  # every piece above is escaped


def suggest_units(names: list[str], units: list[Unit]) -> dict[str, int]:
    """name -> the id of the existing unit most like it, when one is alike enough.

    Character-pair overlap, as taizhang.parsing.tables.similarity, with each unit's
    pairs computed once rather than once per name."""
    grams = [(u.pk, _pairs(u.name), _level_prefix(u.name)) for u in units]
    found = {}
    for name in names:
        mine, level = _pairs(name), _level_prefix(name)
        best, best_score = None, 0.0
        for pk, theirs, their_level in grams:
            if not mine or not theirs:
                continue
            if level and their_level and level != their_level:
                continue  # 区司法局 is not 州司法局: a body of another level
            score = len(mine & theirs) / min(len(mine), len(theirs))
            if score > best_score:
                best, best_score = pk, score
        if best is not None and best_score >= _SUGGEST:
            found[name] = best
    return found


# The first character of a unit name that says its level: 州司法局, 区司法局, 县司法局.
_LEVELS = frozenset("省州市县区旗镇乡村")


def _level_prefix(name: str) -> str:
    first = fold(name).strip()[:1]
    return first if first in _LEVELS else ""


def abbreviations(names: list[str]) -> dict[str, str]:
    """short name -> the longer new name it may abbreviate: the same first character, and
    every character of the short name in the long one in order (市发改委 / 市发展和改革委员会,
    市人社局 / 市人力资源和社会保障局, 州委政法委 / 州委政法委员会). Shown as a hint, never
    chosen for the office: 市教育局 / 市教育体育局 fits the shape and may be two bodies."""
    folded = [(name, fold(name).replace(" ", "")) for name in names]
    found = {}
    for name, short in folded:
        if len(short) < 3:
            continue
        for other, long in folded:
            if len(long) > len(short) and long[0] == short[0] and _in_order(short, long):
                found[name] = other
                break
    return found


def unit_abbreviations(names: list[str], units: list[Unit]) -> dict[str, str]:
    """new name -> the name of an existing unit that is its short or its full form by the
    rule of ``abbreviations`` (市发展改革委 in d04_daqi_table beside a directory's 市发改委;
    the character pairs of suggest_units miss them: 发改 is no pair of 发展改革). A short
    name standing whole in the long one (市司法局, 市司法局法律援助中心) is a body and its
    subordinate, not two forms of one name. A hint, never chosen for the office."""
    theirs = [(u.name, fold(u.name).replace(" ", "")) for u in units]
    found = {}
    for name in names:
        mine = fold(name).replace(" ", "")
        for unit_name, other in theirs:
            short, long = sorted((mine, other), key=len)
            if (
                len(short) >= 3
                and len(long) > len(short)
                and long[0] == short[0]
                and short not in long
                and _in_order(short, long)
            ):
                found[name] = unit_name
                break
    return found


def _in_order(short: str, long: str) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)


def _pairs(text: str) -> set[str]:
    folded = "".join(ch for ch in fold(text) if ch.isalnum())
    return {folded[i : i + 2] for i in range(len(folded) - 1)}


# -- corrections to the parse (plans.import_corrections) ------------------------------------

_KEY = {"required": "未指明要更正的任务，请从预览页进入。"}


class MeasureForm(forms.Form):
    """Which measure a correction concerns: its key in the corrected preview."""

    key = forms.CharField(max_length=40, error_messages=_KEY, widget=forms.HiddenInput)


class SplitForm(MeasureForm):
    offset = forms.IntegerField(label="拆分处", required=False, min_value=1)
    starts_with = forms.CharField(label="或：新任务开头的文字", required=False, max_length=200)

    def clean(self):
        data = super().clean()
        if not data.get("offset") and not (data.get("starts_with") or "").strip():
            raise forms.ValidationError("请选择拆分处，或填写后一项任务开头的文字。")
        return data


class UnitsForm(MeasureForm):
    lead = forms.CharField(label="牵头单位", required=False, max_length=2000)
    responsible = forms.CharField(label="责任单位", required=False, max_length=4000)
    collectives = forms.CharField(label="统称", required=False, max_length=2000)


class DeadlineForm(MeasureForm):
    deadline = forms.CharField(label="完成时限", required=False, max_length=100)


class TargetsForm(MeasureForm):
    targets = forms.CharField(
        label="量化目标", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class LineForm(forms.Form):
    line = forms.IntegerField(
        label="原文行号",
        min_value=1,
        error_messages={"required": "请填写原文行号。", "invalid": "行号须为数字。"},
    )
    # a sentence of a line printed run in: where it starts in the line (the source page)
    at = forms.IntegerField(required=False, min_value=0)


class UndoForm(forms.Form):
    index = forms.IntegerField(min_value=0, error_messages={"required": "未指明要撤销的更正。"})
