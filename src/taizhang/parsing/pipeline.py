"""From a file or a text to a PlanDocument: the steps in order."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from taizhang.collector import held_off
from taizhang.parsing import diagnostics, titles
from taizhang.parsing.attribution_above import attributions_above
from taizhang.parsing.attribution_text import (
    FIRST_IS_LEAD,
    AttributionIndex,
    closing_subject,
    contact_end,
    is_attribution,
    paired_square_brackets,
)
from taizhang.parsing.by_number import attributions_by_list, attributions_by_number
from taizhang.parsing.corrections import assign_keys
from taizhang.parsing.footnotes import attributions_by_footnote, references_blanked
from taizhang.parsing.layout import Layout, restore, starts_item
from taizhang.parsing.markers import match_marker
from taizhang.parsing.metadata import extract_metadata
from taizhang.parsing.metadata.signature import is_date_only
from taizhang.parsing.model import Attribution, Diagnostic, Measure, PlanDocument
from taizhang.parsing.normalize import fold, printed_run_in
from taizhang.parsing.reading import check_text_size
from taizhang.parsing.same_as import same_as
from taizhang.parsing.structure import (
    RawMeasure,
    Skeleton,
    key_marks_blanked,
    parse_skeleton,
    unit_heading_name,
    units_before_colon,
)
from taizhang.parsing.tables import (
    TableRow,
    apply_table_rows,
    find_table_rows,
    measure_from_row,
)
from taizhang.parsing.targets import analyse, find_deadline, find_targets, paces
from taizhang.parsing.units import BracketReader, first_is_lead, load_gazetteer, starred_lead
from taizhang.parsing.vocabulary import vocabulary as structure_vocabulary

# "排在首位的为牵头单位", "列第一位者为牵头单位", "第一个单位为牵头单位": the first unit leads.
_FIRST_IS_LEAD = FIRST_IS_LEAD
# It opens with the literal 牵头, which the engine skips to at once (为 and 是 are common).
_NOTE_TAIL = re.compile(r"牵头(?<=[为是]牵头)(?:单位|部门)")
_NOTE_REACH = 12  # characters: the longest "排在第一位的单位" before the tail
# "标*的为牵头单位", "标注“*”的为牵头单位", "带*号的单位为牵头单位": a starred unit leads (round
# 22: tests/parsing/documents d301, the note over the measures, and d305, the note under
# them). It opens on the literal star (folded), which the engine skips to at once.
_STAR_NOTE = re.compile(r"\*[”\"]?号?[”\"]?(?:的|者)(?:单位|部门)?(?:为|是)牵头(?:单位|部门)")
_STAR = re.compile(r"[*＊]")
# the name printed before a star, back to the separator before it
_STARRED = re.compile(r"([^、,，;；:：\s]+)[*＊]")


def parse_text(text: str, *, gazetteer=None) -> PlanDocument:
    """Parse the text of a plan. Never raises on odd text (problems become diagnostics),
    but refuses a text past the size limit with InputError ("too_large")."""
    check_text_size(text)
    with held_off():
        return _parse(text, gazetteer)


def _rows_as_measures(skeleton, rows, lines: list[str], text: str, run_in: bool) -> None:
    """A task table whose rows no numbered item matches, in a plan whose numbered items name
    no units (保障措施 (一)…(三) after the table), holds the measures: each row is one, under
    the chapter above it; the numbered items are provisions and a diagnostic says so
    (tests/parsing/documents d16 and d22, tables pasted from Word)."""
    rows = [row for row in rows if row.content]  # a row of units by number is no measure
    if not rows or any(m.attribution_raw for m in skeleton.measures):
        return
    first = skeleton.measures[0] if skeleton.measures else None
    skeleton.measures = _measures_from_rows(skeleton, rows, lines, text, run_in)
    if first is not None:
        skeleton.diagnostics.append(
            Diagnostic(
                "provisions-not-measures",
                "The numbered items name no units while the task table's rows do; "
                "the rows were read as the measures, the items as provisions.",
                first.line,
                level="warning",
            )
        )


# folded, at a line's start; 附表 heads an attachment as 附件 does (round 19: tests/parsing/
# documents d257, fixture styles/fubiao_duoyu_tiaomu.txt)
_ATTACHMENT_LINE = re.compile(r"附[件表]")


def _measures_from_rows(
    skeleton, rows, lines: list[str], text: str, run_in: bool
) -> list[RawMeasure]:
    """Each row a measure, under the chapter above it: a chapter row merged across the table
    or a chapter heading over the table (documents d16; formats f01), but none when an
    attachment's heading (附件) stands between, since an attachment is outside the body's
    chapters (formats f03, a 附件 table after 三、保障措施; fixture styles/notice_midplan)."""
    if run_in:
        return _measures_from_run_in_rows(skeleton, rows, text)
    chapters = sorted(skeleton.chapters, key=lambda c: c.line)
    measures = []
    for position, row in enumerate(rows, 1):
        measure = measure_from_row(position, row)
        above = [c for c in chapters if c.line <= row.line]
        if above and not any(
            _ATTACHMENT_LINE.match(line) for line in lines[above[-1].line : row.line - 1]
        ):
            measure.chapter = above[-1].no
        measures.append(measure)
    return measures


def _measures_from_run_in_rows(skeleton, rows, text: str) -> list[RawMeasure]:
    """In a copy printed run-in every row and heading is on line 1: a row is under the last
    chapter that starts before its task's text (d16 and d22 printed run-in, where the next
    chapter's heading is glued to the table's last cell, 2024年12月底前三、保障措施)."""
    measures, cursor = [], 0
    for position, row in enumerate(rows, 1):
        measure = measure_from_row(position, row)
        at = text.find(row.content, cursor)
        cursor = cursor if at < 0 else at
        above = [
            chapter
            for chapter, start in zip(skeleton.chapters, skeleton.chapter_starts, strict=True)
            if start <= cursor
        ]
        if above:
            measure.chapter = above[-1].no
        measures.append(measure)
    return measures


def _without_row_headings(skeleton: Skeleton, rows: list[TableRow]) -> None:
    """A row whose number cell names its measure's heading ("（一）1", "一、2": tables.
    _HEADED_NUMBER) is a row, not the heading its cell opens like (round 22: tests/parsing/
    documents d293 and d294)."""
    lines = {row.line for row in rows if row.heading}
    if lines:
        skeleton.chapters = [c for c in skeleton.chapters if c.line not in lines]
        skeleton.sections = [s for s in skeleton.sections if s.line not in lines]


def _without_row_items(skeleton: Skeleton, rows: list[TableRow]) -> None:
    """A row whose unit cell holds its own labels ("…\t牵头：县城市管理局配合：县市场监管局、
    县公安局\t2025年6月底前", its cell's two lines joined) reads like a numbered item closed
    by its label line; it is the table's row, which gives the measure (round 34: tests/
    parsing/documents d393, its 责任单位 cells of two lines 牵头：/配合：; fixture styles/
    biaoge_qiantou_danyuange.txt, one line "牵头单位：X；配合单位：Y")."""
    lines = {row.line: row.number for row in rows if row.content}
    if lines:
        skeleton.measures = [
            m
            for m in skeleton.measures
            if not (
                m.line in lines
                and "\t" in m.text
                and m.text.lstrip(" \u3000\u2002\u2003").partition("\t")[0] == str(lines[m.line])
            )
        ]


def _before_tables(measures: list[RawMeasure], rows, lines: list[str]) -> None:
    """A numbered item's text does not run on into an attachment or a task table after it:
    it ends before a line opening with 附件 (an attachment list or heading, after the plan's
    body) or a table row (formats f03: 三、保障措施 (三) before 附件 and its table; the
    table's rows would otherwise make the item a measure)."""
    row_lines = {row.line for row in rows}
    for measure in measures:
        if measure.attribution_raw:
            continue
        # a hard-wrapped copy may join the 附件 line to the sentence above it
        # ("…办结率达到100%。附件：任务分工表": round 10, d83 hard-wrapped, fixture
        # styles/shuiwu_annex.txt hard-wrapped)
        glued = _GLUED_ATTACHMENT.search(measure.folded, 1)
        if glued:
            measure.text = measure.text[: glued.start()].rstrip()
        parts = measure.text.split("\n")
        for offset, _ in enumerate(parts[1:], 1):
            number = measure.line + offset
            line = lines[number - 1] if number - 1 < len(lines) else ""
            if number in row_lines or _ATTACHMENT_LINE.match(line) or " | " in line:
                measure.text = "\n".join(parts[:offset]).rstrip()
                break


def _before_run_in_attachments(measures: list[RawMeasure]) -> None:
    """In a copy printed run-in, a numbered item without an attribution ends before an
    attachment's heading (附件1, 附件：) as it ends before its line printed (_before_tables):
    the attachment list of a body signed above 附件1 and its task table (tests/parsing/
    documents d51 printed run-in; printed, formats f03 and d51 end it at the line). A bare
    附件 right after the signature's date heads the table too ("…2025年4月8日附件行政复议…
    分工表序号…": round 22, d296 and d299 printed run-in)."""
    for measure in measures:
        if measure.attribution_raw:
            continue
        found = _RUN_IN_ATTACHMENT.search(measure.folded, 1)
        dated = None if found else _DATED_ATTACHMENT.search(measure.folded, 1)
        if found or dated:
            at = found.start() if found else dated.start(1)
            measure.text = measure.text[:at].rstrip()
        elif "\t" in measure.text:
            _before_run_in_table(measure)


def _before_run_in_table(measure: RawMeasure) -> None:
    """Printed run-in, a section heading ends before the tab-parted table glued after it
    ("（一）加强文物资源保护序号\t工作事项\t…": tests/parsing/documents d75 printed run-in, a table
    under each (一); fixture styles/wenwu_headers.txt run in): at the header's first cell, a
    column's name right before the first tab."""
    tab = measure.text.find("\t")
    columns = structure_vocabulary()["table_columns"]
    for name in sorted([*columns["number"], *columns["content"]], key=len, reverse=True):
        if measure.text.endswith(name, 0, tab):
            measure.text = measure.text[: tab - len(name)].rstrip()
            return


def _without_group_rows(measures: list[RawMeasure], rows) -> list[RawMeasure]:
    """Printed run-in, a table's section row (（一）产业发展类) reads as a numbered item whose
    text is the table after it: its name, the first row's number, a tab, that row's task
    ("产业发展类1\t新建蔬菜大棚…"). It is the table's, as _bare_chapter_row reads it printed
    (round 16: tests/parsing/documents d183 and d184 printed run-in)."""
    contents = {row.content for row in rows if row.content}
    return [m for m in measures if m.attribution_raw or not _opens_a_row(m.text, contents)]


def _opens_a_row(text: str, contents: set[str]) -> bool:
    head, tab, rest = text.partition("\t")
    found = _GROUP_ROW_HEAD.fullmatch(head) if tab else None
    return found is not None and any(rest.startswith(content) for content in contents)


# a section row's name (up to a merged row's 40 characters) and the first row's number
_GROUP_ROW_HEAD = re.compile(r"[^\t]{1,40}?\d{1,3}(?:-\d{1,3})?")
_RUN_IN_ATTACHMENT = re.compile(r"附件\s*[\d:一二三四五六七八九十]")
_DATED_ATTACHMENT = re.compile(r"\d日(附[件表])")
_GLUED_ATTACHMENT = re.compile(r"附件(?<=[。;]附件)\s*[\d:一二三四五六七八九十]")


@lru_cache(maxsize=1)
def _box_heading() -> re.Pattern[str]:
    """A box's word and number ("专栏1"): searched by its literal word, then kept where
    only blanks stand before it on its line (_box_line_start)."""
    words = "|".join(map(re.escape, structure_vocabulary()["box_headings"]))
    return re.compile(rf"(?:{words})[ \u3000]*[0-9一二三四五六七八九十]+")


def _box_line_start(folded: str, at: int) -> int | None:
    """The start of the line a box's word opens (after blanks), None if words precede it."""
    start = folded.rfind("\n", 0, at) + 1
    return start if not folded[start:at].strip(" \u3000\t") else None


_BLANK_LINE = re.compile(r"\n[ \u3000\t]*(?:\n|\Z)")


def _in_a_box(line: int, boxes: list[tuple[int, int]]) -> bool:
    return any(first < line <= last for first, last in boxes)


def box_lines(folded: str) -> list[tuple[int, int]]:
    """(line of its heading, last line) of each box: from 专栏N to the blank line after it."""
    boxes, line, counted = [], 1, 0  # line: the line of position ``counted``
    for found in _box_heading().finditer(folded):
        start = _box_line_start(folded, found.start())
        if start is None:
            continue
        line, counted = line + folded.count("\n", counted, start), start
        blank = _BLANK_LINE.search(folded, found.end())
        end = blank.start() if blank else len(folded)
        boxes.append((line, line + folded.count("\n", start, end)))
    return boxes


def _without_box_items(skeleton, folded: str) -> None:
    """The numbered lines of a box (专栏1　重点工程 / 1.城北体育公园：… / 2.…) up to the blank
    line after it list projects, not measures, when they carry no attribution: they are left
    out and a diagnostic names the box's line (tests/parsing/documents d38, fixture
    styles/shisiwu_nongye.txt, whose box items are numbered as its measures are)."""
    # 栏 alone: one character is found by memchr; then the box pattern's own scan (opening
    # on its literal 专栏) answers, where "专栏" in the text was a scan about three times
    # slower than the pattern's (seed 001, which prints 专栏 only in prose: 26.7 µs for
    # the word, 16.5 for the pattern; speed24)
    if "栏" not in folded or not skeleton.measures:
        return
    boxes = box_lines(folded)
    if not boxes:  # 专栏 only in prose ("法治宣传专栏"): no measure stands in a box
        return
    kept = [
        measure
        for measure in skeleton.measures
        if measure.attribution_raw or not _in_a_box(measure.line, boxes)
    ]
    if len(kept) < len(skeleton.measures):
        skeleton.diagnostics.append(
            Diagnostic(
                "box-items-not-measures",
                "The numbered lines of a box (专栏) carry no units; they were read as the "
                "box's list of projects, not as measures.",
                min(first for first, _ in boxes),
                level="info",
            )
        )
        skeleton.measures = kept


def _parse(text: str, gazetteer) -> PlanDocument:
    if "\r" in text:  # one scan in C (a two-character search is several times slower)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    gazetteer = gazetteer or load_gazetteer()
    layout = restore(text, gazetteer)  # (a wrap that cut a name is told by its places)
    text = layout.text
    # once: every step matches on slices of it (a bracket closed by the other square kind
    # closed by its own: paired_square_brackets)
    folded = key_marks_blanked(paired_square_brackets(fold(text)))
    # Asked once, passed to the steps: a copy printed run-in, one line. Folding and blanking
    # key marks (each before a number on its line) leave it as the text's own; blanking notes
    # may not.
    text_run_in = printed_run_in(folded)
    blanked, notes = references_blanked(folded)
    run_in = text_run_in if blanked is folded else printed_run_in(blanked)
    folded = blanked
    skeleton = parse_skeleton(text, folded, run_in)
    skeleton.measures = attributions_above(skeleton.measures, text, folded)
    metadata = extract_metadata(text, skeleton.body_start, folded)
    if skeleton.measures and metadata.issuer and run_in:
        _without_signature(skeleton.measures[-1], metadata.issuer)
    elif skeleton.measures and metadata.issuer:
        _text_without_signature(skeleton.measures[-1], metadata.issuer)
    if skeleton.measures:
        _without_glued_attachment(skeleton.measures[-1], gazetteer.name_endings)
        _without_contact_line(skeleton.measures[-1])
    rows = find_table_rows(text, folded, gazetteer, text_run_in)
    if rows and metadata.issuer and run_in:
        _row_without_signature(rows[-1], metadata.issuer)
    if rows:
        _row_without_closing(rows[-1])
    lines = [line.strip() for line in folded.split("\n")] if rows else []
    if not run_in:  # (printed run in, every row and heading is on line 1)
        _without_row_headings(skeleton, rows)
        _without_row_items(skeleton, rows)
    if rows and skeleton.measures:
        _before_tables(skeleton.measures, rows, lines)
        if len(lines) == 1:  # printed run-in
            skeleton.measures = _without_group_rows(skeleton.measures, rows)
            _before_run_in_attachments(skeleton.measures)
        if metadata.issuer and skeleton.measures:
            # (signed above the 附件 of its table: the signature ends the last measure once
            # the table is cut off; round 22, tests/parsing/documents d296 and d299, fixture
            # styles/bianhao_zhangjie.txt)
            unsigned = _without_signature if run_in else _text_without_signature
            unsigned(skeleton.measures[-1], metadata.issuer)
    skeleton.measures = (
        apply_table_rows(skeleton.measures, rows)
        if skeleton.measures
        else _measures_from_rows(skeleton, rows, lines, text, text_run_in)
    )
    _rows_as_measures(skeleton, rows, lines, text, text_run_in)
    _without_box_items(skeleton, folded)
    for measure in skeleton.measures:
        if "\n" in measure.text:
            measure.text = _wraps_joined(measure.text)
    skeleton.measures, by_list = attributions_by_list(skeleton.measures, text, folded)
    by_number = attributions_by_number(skeleton.measures, text, folded) + by_list
    if notes:
        by_number += attributions_by_footnote(skeleton.measures, text, notes)
    brackets = BracketReader(gazetteer, run_in=run_in)
    level = brackets.level(m.attribution_raw for m in skeleton.measures if m.attribution_raw)
    unit_heads = _unit_heading_lines(skeleton.measures, text, folded, brackets, level)
    measure_titles = titles.measure_titles(
        [m.text for m in skeleton.measures], [m.folded for m in skeleton.measures]
    )
    # A task table's row is a task, not a heading over a paragraph: a cell of two paragraphs
    # (建立…制度。全年开展…) opens with no title (formats f03 and f08; the rows of
    # documents d04, d16 and d22 have none either).
    measure_titles = [
        None if m.from_table else title
        for m, title in zip(skeleton.measures, measure_titles, strict=True)
    ]
    note = _first_is_lead_note(text, folded)
    attributions = [_split(raw, level, brackets, note) for raw in skeleton.measures]
    _starred_units(skeleton.measures, attributions, brackets, level, folded)
    attributions = same_as(skeleton.measures, attributions, lambda raw: brackets.split(raw, level))
    led = _heading_units(skeleton, attributions, brackets, level)
    led += _unlisted_units(skeleton, attributions, brackets, level, text, folded)
    led += _heading_lead_brackets(skeleton, attributions, brackets, level)
    led += _led_by_unit_lines(skeleton.measures, attributions, unit_heads)
    led += _units_as_subjects(skeleton.measures, attributions, brackets, level)
    _unit_before_colon(skeleton.measures, attributions, brackets, level)
    # A bracket printed again (the same units for several measures) is read once.
    deadlines = {
        raw: _bracket_deadline(raw, gazetteer, brackets)
        for raw in {m.attribution_raw for m in skeleton.measures if m.attribution_raw}
    }
    measures, folded_measures = _measures(
        skeleton.measures, attributions, measure_titles, deadlines
    )
    plan = PlanDocument(
        title=metadata.title,
        issuer=metadata.issuer,
        date=metadata.date,
        period=metadata.period,
        parents=metadata.parents,
        targets=[
            *(t for goal in skeleton.goal_texts for t in find_targets(goal)),
            *_purpose_goals(text, folded, skeleton.body_start),
        ],
        chapters=skeleton.chapters,
        sections=skeleton.sections,
        tasks=measures,
    )
    pairs = list(zip(measures, attributions, strict=True))
    plan.diagnostics = diagnostics.check(
        plan,
        skeleton,
        unknown_units={m.line: a.unknown for m, a in pairs if a.unknown},
        unsplit={m.line: a.unsplit for m, a in pairs if a.unsplit},
        folded=folded_measures,
    )
    plan.diagnostics += _unlabelled_lists(pairs, note)
    plan.diagnostics += led + by_number
    plan.diagnostics.sort(key=lambda d: (d.line or 0, d.code))
    _point_at_source(plan, layout)
    assign_keys(plan, folded_measures)
    return plan


@lru_cache(maxsize=1)
def _subject_clause() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(lead clause, support clause) over a folded clause: units as its subject (see
    structure.toml subject_openers)."""
    words = structure_vocabulary()
    endings = "|".join(map(re.escape, words["unit_endings"]))
    starts = "".join(words["subject_unit_starts"])
    name = rf"[{starts}][^,;。、\s]{{0,23}}?(?:{endings})"
    units = rf"{name}(?:[、和及与]{name})*"
    openers = "|".join(map(re.escape, words["subject_openers"]))
    lead_verbs = "|".join(map(re.escape, words["subject_lead_verbs"]))
    with_words = "|".join(map(re.escape, words["subject_with"]))
    support = "|".join(map(re.escape, words["subject_support_verbs"]))
    # (会同 and units end their clause, or run on into a verb of the work done with them)
    with_verbs = "|".join(map(re.escape, words["subject_with_verbs"]))
    never = "|".join(map(re.escape, words["not_duty_after_verb"]))  # (由X负责解释: no duty)
    return (
        re.compile(rf"(?:{openers})?(?P<units>{units})(?P<verb>{lead_verbs})(?!{never})"),
        re.compile(
            rf"(?:(?:{with_words})(?P<with>{units})(?=$|{with_verbs})"
            rf"|(?P<units>{units})(?:{support})$)"
        ),
    )


_CLAUSE = re.compile(r"[^,;。]+")


def _unit_before_colon(
    measures: list[RawMeasure], attributions: list[Attribution], brackets, level
) -> None:
    """A measure that opens with one unit's name and a colon ("1.县发展改革局：引进县外到位
    资金15亿元…（配合单位：县商务局）") gives that unit its target: it leads the measure when
    nothing else does, as a heading of one unit's name leads the items under it
    (_heading_units). Its text keeps the name, as printed (round 14: tests/parsing/documents
    d165, a 目标任务分解 by unit; fixture styles/mubiao_fenjie.txt). Several names parted by
    、 lead it together, as "X、Y负责" does (round 21: d292's 3.县司法局、县政务服务管理局：…,
    fixture styles/danwei_maohao_duoge.txt)."""
    for i, (measure, attribution) in enumerate(zip(measures, attributions, strict=True)):
        end = None if attribution.lead else units_before_colon(measure.folded)
        if end is None:
            continue
        name = measure.text[:end]
        split = brackets.split(name, level)
        named = name.split("、")
        if [*split.responsible, *split.collectives] != named or split.unknown or split.unsplit:
            continue  # (城关镇：负责… names a place; 各乡镇：… a collective)
        attributions[i] = replace(
            attribution,
            lead=named,
            responsible=[u for u in attribution.responsible if u not in named],
        )


def _units_as_subjects(
    measures: list[RawMeasure], attributions: list[Attribution], brackets, level
) -> list[Diagnostic]:
    """A measure that names no units in a bracket, a label or a line of its own may name
    them as the subjects of its sentences ("由市公安局牵头，会同市交通运输局、市市场监管局，
    开展…", "市公安局要…；市交通运输局要…": tests/parsing/documents d36, fixture
    styles/jiaotong_subjects.txt). Its clauses that open with known units and a lead verb give
    the leads, those of 会同 and units or units and a support verb the responsible units; the
    clauses become its attribution, and a diagnostic asks to check them."""
    out = []
    lead_clause, support_clause = _subject_clause()
    calls = structure_vocabulary()["subject_calls"]
    for measure, attribution in zip(measures, attributions, strict=True):
        if measure.attribution_raw or attribution.lead or attribution.collectives:
            continue
        folded = measure.folded
        leads, supports, printed = [], [], []
        for clause in _CLAUSE.finditer(folded):
            piece = clause.group().strip()
            start = clause.start() + clause.group().index(piece) if piece else clause.start()
            text = measure.text[start : start + len(piece)]  # as printed
            lead = lead_clause.match(piece)
            if lead and lead["verb"] in calls and "各" in lead["units"]:
                lead = None  # 各部门要…: a call on everyone, no attribution
            if lead:
                leads.append(text[lead.start("units") : lead.end("units")])
                printed.append(text[: lead.end()])
                continue
            support = support_clause.match(piece)
            if support:
                group = "with" if support["with"] else "units"
                supports.append(text[support.start(group) : support.end(group)])
                printed.append(text)
        if not leads:
            continue
        raw = "、".join(leads) + "牵头"
        if supports:
            raw += "，" + "、".join(supports) + "配合"
        found = brackets.split(raw, level)
        if found.unknown or found.unsplit:
            continue
        if not leads[1:] and not supports and raw.endswith("牵头"):
            found = brackets.split(leads[0] + "负责", level)
        attribution.lead, attribution.responsible = found.lead, found.responsible
        attribution.collectives = found.collectives
        measure.attribution_raw = "，".join(printed)
        out.append(
            Diagnostic(
                "units-in-text",
                f"The units of measure {measure.no} were read from its sentences "
                f"({measure.attribution_raw}); check them.",
                measure.line,
                level="info",
            )
        )
    return out


def _point_at_source(plan: PlanDocument, layout: Layout) -> None:
    """Line numbers of the restored text -> lines of the text as given."""
    layout.point_at_source((*plan.chapters, *plan.sections, *plan.tasks, *plan.diagnostics))


def parse_path(path: str | Path, *, gazetteer=None) -> PlanDocument:
    """Read a .txt/.html/.docx/.pdf file and parse it. Raises InputError on unreadable input."""
    # Deferred so that parsing text never loads the readers (pdfminer, the docx XML
    # parser): the benchmark's bare pass and the CLI on .txt stay light.
    from taizhang.parsing.reading import read_path

    return parse_text(read_path(path).text, gazetteer=gazetteer)


def _split(
    raw: RawMeasure, level: str | None, brackets: BracketReader, note: int | None
) -> Attribution:
    if not raw.attribution_raw:
        return Attribution()
    attribution_raw = raw.attribution_raw
    # (folded: a traditional copy prints 牽頭, d73 traditional)
    if note is not None and "牵头" in brackets.folded(attribution_raw):
        attribution_raw = _without_note(attribution_raw)
    attribution = brackets.split(attribution_raw, level)
    if note is not None and raw.line >= note:
        return first_is_lead(attribution, attribution_raw)
    return attribution


def _starred_units(
    measures: list[RawMeasure],
    attributions: list[Attribution],
    brackets: BracketReader,
    level: str | None,
    folded: str,
) -> None:
    """Units marked by a star ("县消防救援大队*、县住房城乡建设局"): the star is no part of a
    name, and under a note saying a starred unit leads (_STAR_NOTE) the starred units lead
    (round 22: tests/parsing/documents d301, bare lists, and d305, 责任单位 lines). The note
    is looked for only once a bracket holds a star (most texts hold none)."""
    noted = None
    for i, measure in enumerate(measures):
        raw = measure.attribution_raw
        if not raw or ("*" not in raw and "＊" not in raw):
            continue
        if noted is None:
            noted = _STAR_NOTE.search(folded) is not None
        attribution = brackets.split(_STAR.sub("", raw), level)
        attributions[i] = starred_lead(attribution, _STARRED.findall(raw)) if noted else attribution


def _without_signature(measure: RawMeasure, issuer: str) -> None:
    """The signature the metadata read is no part of the last measure of a copy printed
    run-in, when it ran into its last unit or field: "…配合：市营商办某市…办公室2024年3月5日"
    (tests/parsing/documents d23), "…完成时限：长期坚持某市…办公室2025年1月20日" (d28)."""
    raw = measure.attribution_raw
    at = _signature_at(raw, issuer)
    if at > 0:
        measure.attribution_raw = raw[:at]
    else:
        # A last measure with no attribution of its own, or one printed before its text,
        # ends where the signature starts, in a copy printed run-in as on printed lines
        # (_text_without_signature): "…营造尊重人才的社会氛围。中共某市委…办公室2024年3月1日"
        # (tests/parsing/documents d53 printed run-in: a chapter's measures covered by one
        # line above them; fixture styles/jiaotong_subjects.txt printed run-in: units read
        # from its sentences; round 16: d191 and fixture styles/qianzhi_qianshu.txt, each
        # "7.【X牵头，Y配合】加强…。" printed run-in).
        at = _signature_at(measure.text, issuer)
        if at > 0:
            measure.text = measure.text[:at].rstrip()
            if raw is None:
                _attribution_at_end(measure)


def _attribution_at_end(measure: RawMeasure) -> None:
    """An attribution that ends the last measure, once the signature run into it is cut:
    a dash list ("…不少于1次。——区水利局临江区河长制办公室2025年2月25日" took in the signature
    and was no list of units: round 19, tests/parsing/documents d222 and fixture
    styles/pozhehao_danwei.txt run in), read as the measure's own would have been."""
    text = fold(measure.text)
    found = AttributionIndex(text).find(0, len(text))  # (a dash list is one of its brackets)
    if found is not None and found.text_end > 0 and found.raw_end == len(measure.text):
        raw = measure.text[found.raw_start : found.raw_end]
        measure.text, measure.attribution_raw = measure.text[: found.text_end].rstrip(), raw


def _row_without_signature(row: TableRow, issuer: str) -> None:
    """A table that ends the plan, printed run-in: its last row's last cell runs on into the
    signature, which is no unit ("…\t各乡镇人民政府青禾县…办公室2024年2月20日": round 18,
    fixtures styles/leibie_hebing.txt and styles/biaowei_qianming.txt run in); the cell ends
    where the signature the metadata read starts, as a last measure's field does."""
    for label, cell in row.units.items():
        at = _signature_at(cell, issuer)
        if at > 0:
            row.units[label] = cell[:at]


def _row_without_closing(row: TableRow) -> None:
    """A closing paragraph joined to the table's last row, as a wrap of its last cell by a
    PDF layer's rejoined lines ("…\t县司法局" over "各主责单位要于每年12月底前…"): the unit
    cell ends where the paragraph's subject starts (round 30: tests/parsing/documents d366
    and fixture styles/zhuze_biaowei_jieshu.txt, ragged; run in, tables._last_cell_end)."""
    for label, cell in row.units.items():
        found = closing_subject().search(cell, 1) if cell else None
        if found:
            row.units[label] = cell[: found.start()]


def _without_glued_attachment(measure: RawMeasure, endings: tuple[str, ...]) -> None:
    """Printed run in (or hard-wrapped, its line joined to the one above), the attachment
    after the body (附件：…表, 附件1) runs into the last measure's last unit: "…，各乡镇人民政府
    附件：南溪县…指标表" (tests/parsing/documents d101 run in; fixture styles/wenhua_fujian.txt
    run in and wrapped at 24). The attribution ends before 附件 where a unit's name ends
    right before it."""
    raw = measure.attribution_raw
    found = _RUN_IN_ATTACHMENT.search(fold(raw), 1) if raw and "附件" in raw else None
    if found and raw.endswith(endings, 0, found.start()):
        measure.attribution_raw = raw[: found.start()]


# A line that opens with a quantity, no marker: "3.5名以上。", "2万册" (a marker's number is
# followed by 、 or by a dot and no digit).
_QUANTITY_OPENING = re.compile(r"\d+(?:\.\d+)?(?![\d、.．])")
# What ends a line of a measure's text where a paragraph or a sub-point may end after it.
_LINE_CLOSERS = frozenset("。.；;：:！!？?）)】〕」”")


def _wraps_joined(text: str) -> str:
    """A measure's text without the line breaks that only wrap a sentence before a quantity:
    a line ending in no punctuation, the next opening at its margin with a number that the
    structure took for no marker ("…每万人拥有律师数达到" / "3.5名以上。": an OCR copy broken
    mid-sentence, so the target reads whole; round 16, tests/parsing/documents d197 and
    fixture styles/ocr_duanhang.txt), or that cut a sentence (_breaks_a_sentence)."""
    lines = text.split("\n")
    joined = [lines[0]]
    for line in lines[1:]:
        before = joined[-1]
        if before and line and _wrapped_here(before, line):
            joined[-1] = before + line
        else:
            joined.append(line)
    return "\n".join(joined)


def _wrapped_here(before: str, line: str) -> bool:
    """Whether a break between two lines of a measure's text only wraps a sentence."""
    if before[-1] not in _LINE_CLOSERS and _QUANTITY_OPENING.match(line):
        return True
    return _breaks_a_sentence(before, line)


# What ends a line whose sentence goes on: a clause's comma or a list's 、.
_CLAUSE_GOES_ON = frozenset("，,、")
_FIELD_REACH = 10  # characters of a line its field label's colon may stand within


def _breaks_a_sentence(before: str, line: str) -> bool:
    """Whether a hard line break cuts a sentence of a measure's text: the line ends in no
    punctuation after a sentence end of its own (no bare title: 加强水资源保护 over 具体措施：…,
    d48), or in a comma or a 、, and the next line opens no item and no field ("…河道沟渠" /
    "开展地毯式集中清理，…", "推行村收集、镇转运、" / "县处理模式，…": round 30, tests/parsing/
    documents d375, its breaks at no wrap width, printed or wrapped; fixture
    styles/duanhang_juzhong.txt)."""
    end = before[-1]
    if end in _LINE_CLOSERS or not (end in _CLAUSE_GOES_ON or "。" in before):
        return False
    head = fold(line[:_FIELD_REACH])
    return not (match_marker(head) or ":" in head or starts_item(head))


def _signature_at(text: str | None, issuer: str) -> int:
    """Where ``text`` ends with the issuer's names and nothing after them but a date; -1
    where it does not (or the names open it: nothing would be left). Two signers, which the
    issuer parts by a blank, are printed together run in (round 22: tests/parsing/documents
    d310 and fixture styles/pozhehao_liangren.txt run in)."""
    for names in dict.fromkeys((issuer, issuer.replace(" ", ""))):
        at = text.rfind(names) if text else -1
        if at > 0 and is_date_only(fold(text[at + len(names) :]).replace(" ", "")):
            return at
    return -1


def _without_contact_line(measure: RawMeasure) -> None:
    """The last measure's text ends before a contact under it, on its line or, printed
    run-in, after its last sentence (attribution_text.contact_end: "联系人：…　电话：…",
    round 22: tests/parsing/documents d294 and d295)."""
    if measure.attribution_raw:
        return
    folded = measure.folded
    for field in structure_vocabulary()["contact_fields"]:
        at = folded.find(field, 1)
        while at > 0:
            before = folded[:at].rstrip(" \t\u3000")
            if before.endswith(("\n", "。")) and contact_end(folded, at) is not None:
                measure.text = measure.text[:at].rstrip()
                return
            at = folded.find(field, at + 1)


def _text_without_signature(measure: RawMeasure, issuer: str) -> None:
    """The signature's lines (the issuer's names, then a date line) are no part of the last
    measure when it has no attribution to end it: a chapter's measures covered by one line
    above them (tests/parsing/documents d53, printed and hard-wrapped), a measure whose units
    are its sentences' subjects (fixture styles/jiaotong_subjects.txt), or one whose bracket
    stands before its text ("7." / "【X牵头，Y配合】" / "加强…。": round 16, d191 and fixture
    styles/qianzhi_qianshu.txt). A bracket below the text ends it before any signature."""
    if "\n" not in measure.text:
        return
    lines = measure.text.rstrip().split("\n")
    if len(lines) < 3 or not is_date_only(fold(lines[-1]).replace(" ", "")):
        return
    names = issuer.replace(" ", "")
    cut = len(lines) - 1
    while cut > 1 and lines[cut - 1].strip() and lines[cut - 1].strip().replace(" ", "") in names:
        cut -= 1
    if cut < len(lines) - 1 and "".join(line.strip() for line in lines[cut:-1]) == names:
        measure.text = "\n".join(lines[:cut]).rstrip()


@lru_cache(maxsize=1)
def _purpose_sentence() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The preamble's purpose sentence (为…，制定本… or 制定以下…), and a goal clause inside it."""
    openers = "|".join(map(re.escape, structure_vocabulary()["purpose_goal_openers"]))
    # (制定以下措施 closes a 若干措施's purpose sentence as 制定本方案 closes a plan's: round 20,
    # tests/parsing/documents d265, fixture styles/mudi_yixia.txt)
    made = "制[定订](?:本|以下)"
    return (
        re.compile(rf"为[^。\n]{{2,200}}?,[^。\n]{{0,200}}?{made}"),
        # (the goal runs on over the comma clauses after its opener: "确保不发生重大森林火灾，
        # 森林火灾受害率控制在0.9‰以下，结合全县实际，制定本方案": round 14, d166, fixture
        # styles/purpose_goals_two.txt)
        re.compile(rf"(?<=,)(?:{openers})[^。;\n]{{2,160}}?(?=,(?:[^,。;\n]{{0,40}},)?{made})"),
    )


def _purpose_goals(text: str, folded: str, body_start: int | None) -> list:
    """The targets of the goal clauses of the preamble's purpose sentence ("为做好2024年全县…
    工作，…，力争全年秸秆综合利用率达到93%以上，制定本任务清单": round 13, tests/parsing/documents
    d139, fixture styles/purpose_goal.txt), as a goal heading's paragraph states them: from
    the opener to the 制定本 clause (or one clause before it, 结合…实际)."""
    if not body_start or "制" not in folded[:body_start]:
        return []
    sentence, clause = _purpose_sentence()
    found = sentence.search(folded, 0, body_start)
    if found is None:
        return []
    return [
        target
        for m in clause.finditer(folded, *found.span())
        for target in find_targets(text[m.start() : m.end()])
    ] + _goal_paragraph_after(text, folded, found.end(), body_start)


# The year a plan's goals are set for, opening the paragraph after its purpose sentence.
_GOAL_YEAR = re.compile(r"[ \t\u3000\n]*到\d{4}年")


def _goal_paragraph_after(text: str, folded: str, purpose_end: int, body_start: int) -> list:
    """The targets of a paragraph with no heading between the purpose sentence and the plan's
    first heading that opens with the year its goals are set for ("…制定本方案。" over "到2026
    年，全县每千人口…达到4.5个…" over "【一】…": round 26, tests/parsing/documents d341, fixture
    styles/fangkuohao_zhangjie.txt), as a goal heading's paragraph states them."""
    stop = folded.find("。", purpose_end, body_start)
    year = _GOAL_YEAR.match(folded, stop + 1) if stop >= 0 else None
    if year is None or year.end() > body_start:
        return []
    end = folded.find("\n", year.end(), body_start)
    return find_targets(text[year.start() : body_start if end < 0 else end].strip())


def _unlisted_units(
    skeleton,
    attributions: list[Attribution],
    brackets: BracketReader,
    level,
    text: str,
    folded: str,
) -> list[Diagnostic]:
    """A note after a list's items naming units every item above shares, left out of the
    items' own brackets ("（以上任务均需各县（市、区）人民政府落实，不再列出）"): each measure of
    the note's chapter on or above the note's line takes its units after its own, and an
    unlisted-units diagnostic (info) says so (round 37: tests/parsing/documents d400, fixture
    styles/buzai_liechu_zhangjie.txt; structure.toml unlisted_units_markers). Looked for by
    the note's closing words, a literal most texts do not hold."""
    markers = _unlisted_markers()
    found, at = [], folded.find(markers[0])  # (one pass: the markers' common opening)
    while at >= 0:
        if folded.startswith(markers[1], at):
            found.append(at)
        at = folded.find(markers[0], at + 1)
    out = []
    for at in found:
        start = max(folded.rfind("\n", 0, at) + 1, at - _NOTE_REACH)
        note = next((m for p in _unlisted_sentences() if (m := p.search(folded, start, at))), None)
        if note is None:
            continue
        units = text[note.start("units") : note.end("units")]  # (as printed: folded aligns)
        split = brackets.split(units, level)
        if not (split.responsible or split.collectives) or split.unknown or split.unsplit:
            continue
        line = folded.count("\n", 0, at) + 1
        chapter = _chapter_at(skeleton, at)
        taken = []
        for i, measure in enumerate(skeleton.measures):
            if measure.chapter != chapter or measure.line > line:
                continue
            a = attributions[i]
            attributions[i] = replace(
                a,
                responsible=[*a.responsible, *_not_in(split.responsible, a.responsible)],
                collectives=[*a.collectives, *_not_in(split.collectives, a.collectives)],
            )
            taken.append(measure.no)
        if taken:
            out.append(
                Diagnostic(
                    "unlisted-units",
                    f"A note says {units} shares every task above it: they were added to "
                    f"measures {', '.join(map(str, taken))}.",
                    line,
                    level="info",
                )
            )
    return out


_NOTE_REACH = 80  # characters: a note's sentence before its closing words


def _not_in(names: list[str], named: list[str]) -> list[str]:
    return [name for name in names if name not in named]


@lru_cache(maxsize=1)
def _unlisted_markers() -> tuple[str, tuple[str, ...]]:
    """The closing words of a note on units not listed, and their common opening (不再)."""
    words = tuple(structure_vocabulary()["unlisted_units_markers"])
    opening = words[0]
    while not all(word.startswith(opening) for word in words):
        opening = opening[:-1]
    return opening, words


@lru_cache(maxsize=1)
def _unlisted_sentences() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in structure_vocabulary()["unlisted_units_sentences"])


def _chapter_at(skeleton, at: int) -> str | None:
    """The numeral of the chapter whose heading stands last before offset ``at``."""
    chapter = None
    for heading, start in zip(skeleton.chapters, skeleton.chapter_starts, strict=True):
        if start > at:
            break
        chapter = heading.no
    return chapter


def _heading_units(
    skeleton, attributions: list[Attribution], brackets: BracketReader, level: str | None
) -> list[Diagnostic]:
    """A chapter heading that is nothing but one unit's name (一、市发展改革委) leads the
    measures under it that name no lead: a 责任清单 grouped by unit, whose items carry no
    bracket or only a "配合：Y" tail (tests/parsing/documents d23, fixture
    styles/fazhi_byunit.txt). A collective heading (五、各区县人民政府) is their collective.
    Each such chapter gets a heading-units diagnostic (info) naming its line."""
    heading_units = {}
    endings = tuple(structure_vocabulary()["unit_endings"])
    # only a chapter holding a measure with no lead can lead one (no other entry is read)
    leaderless = {
        m.chapter for m, a in zip(skeleton.measures, attributions, strict=True) if not a.lead
    }
    for chapter in skeleton.chapters:
        if chapter.no not in leaderless:
            continue
        name = unit_heading_name(chapter.title)  # (一、县发展改革局牵头事项: d137)
        if not fold(name).endswith(endings):  # 健全政府机构职能体系 names no unit
            continue
        split = brackets.split(name, level)
        named = [*split.responsible, *split.collectives]
        # one name, printed whole (with its own prefix: no level was added to it)
        if named == [name] and not (split.lead or split.unknown or split.unsplit):
            heading_units[chapter.no] = (chapter, split)
    if not heading_units:
        return []
    taken: dict[str, list[int]] = {}
    for i, (measure, attribution) in enumerate(zip(skeleton.measures, attributions, strict=True)):
        found = heading_units.get(measure.chapter)
        if found is None or attribution.lead:
            continue
        chapter, heading = found
        attributions[i] = replace(
            attribution,
            lead=[*heading.responsible],
            responsible=[u for u in attribution.responsible if u not in heading.responsible],
            collectives=[*heading.collectives, *attribution.collectives],
        )
        taken.setdefault(chapter.no, []).append(measure.no)
    return [
        Diagnostic(
            "heading-units",
            f"The heading {chapter.title} names a unit: it was read as the lead (or the "
            f"collective) of measures {', '.join(map(str, taken[no]))} under it.",
            chapter.line,
            level="info",
        )
        for no, (chapter, _heading) in heading_units.items()
        if no in taken
    ]


def _heading_lead_brackets(
    skeleton, attributions: list[Attribution], brackets: BracketReader, level: str | None
) -> list[Diagnostic]:
    """A chapter or section heading closed by a bracket of nothing but a lead clause
    ("（一）提升基层医疗服务能力（县卫健局牵头）") leads the measures under it that name no lead,
    whose own brackets name only 配合 units ("（县人社局、县财政局配合）"); the bracket is no
    part of the title (round 23: tests/parsing/documents d320, fixture
    styles/zhangjie_qiantou_peihe.txt). Each such heading gets a heading-units diagnostic."""
    # (most plans: no heading ends with a bracket, one test per heading and no more)
    closed = [h for h in (*skeleton.chapters, *skeleton.sections) if h.title.endswith(_CLOSERS)]
    if not closed:
        return []
    chapters = {
        m.chapter for m, a in zip(skeleton.measures, attributions, strict=True) if not a.lead
    }
    found = []
    for heading in closed:
        chapter = getattr(heading, "chapter", None)
        under = (heading.no, None) if chapter is None else (chapter, heading.no)
        split = _lead_bracket(heading, brackets, level) if under[0] in chapters else None
        given = split and _give_heading_lead(skeleton, attributions, heading, under, split)
        if given:
            found.append(given)
    return found


_CLOSERS = ("）", ")")  # a heading's closing bracket, before folding


def _lead_bracket(heading, brackets: BracketReader, level: str | None) -> Attribution | None:
    """The split of the lead clause closing ``heading``'s title, taken off the title; None
    when the title ends with no such bracket (most headings: one test)."""
    folded = fold(heading.title)
    opened = folded.rfind("(")
    content = heading.title[opened + 1 : -1].strip()
    if opened <= 0 or not fold(content).endswith("牵头"):
        return None
    split = brackets.split(content, level)
    if not split.lead or split.responsible or split.unknown or split.unsplit:
        return None
    heading.title = heading.title[:opened].rstrip()
    return split


def _give_heading_lead(
    skeleton, attributions: list[Attribution], heading, under: tuple, split: Attribution
) -> Diagnostic | None:
    """(the measures under the heading that name no lead take its lead)"""
    chapter, section = under
    taken = []
    for i, (measure, attribution) in enumerate(zip(skeleton.measures, attributions, strict=True)):
        if attribution.lead or measure.chapter != chapter:
            continue
        if section is not None and measure.section != section:
            continue
        attributions[i] = replace(
            attribution,
            lead=[*split.lead],
            responsible=[u for u in attribution.responsible if u not in split.lead],
        )
        taken.append(measure.no)
    if not taken:
        return None
    return Diagnostic(
        "heading-units",
        f"The heading {heading.title} names its lead in a bracket: it was read as the lead of "
        f"measures {', '.join(map(str, taken))} under it.",
        heading.line,
        level="info",
    )


def _unit_heading_lines(
    measures: list[RawMeasure], text: str, folded: str, brackets: BracketReader, level: str | None
) -> dict[int, tuple[str, int]]:
    """A line of one unit's name and a colon ("司法所：") over numbered items that name no
    lead: a 任务清单 grouped by unit without chapter numerals, its items restarting at 1.
    (round 10: tests/parsing/documents d79, fixture styles/zhen_unitlines.txt). The line is no
    part of the item above it (where a hard-wrapped copy joins it to that item's last
    sentence too); each item under it maps to (the unit, the line)."""
    colon_lines = _colon_lines(folded) if measures else set()
    first = _unit_before_first(measures[0], text, folded, brackets, level) if measures else None
    # most plans end no line above an item with a colon, and no item's text (a unit line a
    # copy joined to the item above, or printed run in): asked at once, the loop below is
    # read only by the plans that do
    run_in = bool(measures) and _printed_run_in(folded)
    restarts = run_in and any(m.no <= p.no for p, m in pairwise(measures))
    if first is None and not restarts and not any(_ends_with_colon(m) for m in measures):
        starts = {m.line for m in measures}
        if not any(line + k in starts for line in colon_lines for k in (1, 2, 3)):
            return {}
    lines, printed = folded.split("\n"), text.split("\n")
    heads: dict[int, tuple[str, int]] = {}
    current: tuple[str, int] | None = None
    for i, measure in enumerate(measures):
        above_text = measures[i - 1].folded if i else ""
        head = (
            _unit_after_text(measures[i - 1], brackets, level) if above_text[-1:] == ":" else None
        )
        if head is None and i and _ends_with_colon(measures[i - 1]):
            head = _unit_after_attribution(measures[i - 1], brackets, level)
        if head is None and not i:
            head = first
        if head is None and restarts and i and measure.no <= measures[i - 1].no:
            head = _unit_before_number(measure, text, folded, brackets, level)
        # (a colon line at most two blank lines above the item's: the rest look at no line)
        if head is None and not colon_lines.isdisjoint(range(measure.line - 3, measure.line)):
            above = measure.line - 2  # the line above the item's, 0-based
            while above >= 0 and not lines[above].strip():
                above -= 1
            name = (
                _last_unit_line(printed[above], lines[above], brackets, level)
                if above >= 0
                else None
            )
            head = (name, above + 1) if name else None
        if head is not None:
            current = head
        elif i and (measure.chapter != measures[i - 1].chapter or measure.no <= measures[i - 1].no):
            current = None  # a unit line leads the items of its chapter up to a restart
        if current is not None:
            heads[i] = current
    return heads


_MAX_UNIT_LINE = 24  # characters: a unit's name and its colon


# A line ending with a colon: opened on the colon, the line break after it checked by a
# lookahead. A two-character str.find scanned the text about twice as slowly as the engine
# skips to each colon (seed 000 19 -> 9 µs, seed 001 28 -> 11, 1 MB 427 -> 170 µs and
# 2.9 M -> 1.5 M instructions); opened on the line break, the colon behind it, the pattern
# stopped at every line break: as fast on the seeds, 5.0 M instructions per MB (speed24).
_COLON_LINE_END = re.compile(":(?=\n)")


def _colon_lines(folded: str) -> set[int]:
    """The numbers (1-based) of the lines that end with a colon."""
    found: set[int] = set()
    line, counted = 1, 0
    for colon in _COLON_LINE_END.finditer(folded):
        at = colon.start()
        line += folded.count("\n", counted, at)
        counted = at
        found.add(line)
    return found


def _unit_after_text(
    measure: RawMeasure, brackets: BracketReader, level: str | None
) -> tuple[str, int] | None:
    """The unit and line of a unit line that ends the item's text (after its last sentence
    or line break); the item's text then ends before it."""
    folded = measure.folded  # (its text ends with no blank: _MEASURE_EDGE)
    start = max(folded.rfind("。"), folded.rfind("\n")) + 1
    name = _last_unit_line(measure.text[start:], folded[start:], brackets, level)
    if name is None:
        return None
    measure.text = measure.text[:start].rstrip()
    return name, measure.line + folded.count("\n", 0, start)


def _last_unit_line(
    printed: str, folded: str, brackets: BracketReader, level: str | None
) -> str | None:
    """The unit of the unit line that is the line's last phrase (_last_phrase_start), as printed."""
    start = _last_phrase_start(folded)
    return _unit_line(printed[start:], folded[start:], brackets, level)


def _last_phrase_start(line: str) -> int:
    """What follows a line's last sentence or bracket (all of it when it holds none): a unit
    line a hard-wrapped copy joined to the line above it ("…有关站所配合。平安办："), or a copy
    printed run in to an item's bracket ("…（派出所牵头，社区治理办配合）应急管理站：": fixture
    styles/zhen_unitlines.txt run in; "…配合：各村（社区）综合行政执法队：", d79 run in), as
    structure._after_colon_heading reads its headings."""
    return max(map(line.rfind, _PHRASE_ENDS)) + 1


_PHRASE_ENDS = "。;)]〕】"


def _ends_with_colon(measure: RawMeasure) -> bool:
    """Whether the item's attribution (printed run in) ends with a colon: a unit line run
    into its last unit."""
    raw = measure.attribution_raw
    return raw is not None and raw.rstrip()[-1:] in ":："


def _unit_after_attribution(
    measure: RawMeasure, brackets: BracketReader, level: str | None
) -> tuple[str, int] | None:
    """The unit of a unit line a copy printed run in glued to the item's last unit, after a
    bracket's end (…配合：各村（社区）综合行政执法队：1.…, d79 run in; fixture
    styles/zhen_unitlines.txt run in); the attribution then ends before it."""
    raw = measure.attribution_raw.rstrip()
    folded = fold(raw)
    start = max(map(folded.rfind, _PHRASE_ENDS)) + 1
    name = _unit_line(raw[start:], folded[start:], brackets, level) if start > 0 else None
    if name is None:
        return None
    measure.attribution_raw = raw[:start]
    return name, measure.line


_FIRST_NUMBER = re.compile(r"(?:\d{1,2}[.、]|[(（]\d{1,2}[)）])\s*$")


def _unit_before_first(
    measure: RawMeasure, text: str, folded: str, brackets: BracketReader, level: str | None
) -> tuple[str, int] | None:
    """Printed run in, the first group's unit line after the preamble's last sentence
    ("…各村（社区）配合。党政综合办公室：1.…", d79 run in; "…有关站所配合。平安办：1.…", fixture
    styles/zhen_unitlines.txt run in): where the line breaks are kept, _colon_lines finds it."""
    if not _printed_run_in(folded):
        return None
    return _unit_before_number(measure, text, folded, brackets, level)


def _printed_run_in(folded: str) -> bool:
    """No line break before the last character: a copy printed run in."""
    return folded.find("\n", 0, len(folded) - 1) < 0


def _unit_before_number(
    measure: RawMeasure, text: str, folded: str, brackets: BracketReader, level: str | None
) -> tuple[str, int] | None:
    """Printed run in, the unit line before the item's number, after the last sentence or
    bracket before it: the first group's (_unit_before_first), or a later group's after the
    last item's bracket ("…（派出所牵头，社区治理办配合）应急管理站：1.…", fixture
    styles/zhen_unitlines.txt run in; "…（配合单位：财政所、各村（社区））综合行政执法队：1.…",
    fixture styles/zhen_kuohao.txt run in), which no unit of the bracket runs into."""
    if not measure.folded:
        return None
    at = folded.find(measure.folded[:16])
    number = _FIRST_NUMBER.search(folded, max(0, at - 6), at) if at > 0 else None
    if number is None:
        return None
    reach = max(0, number.start() - 2 * _MAX_UNIT_LINE)
    name = _last_unit_line(
        text[reach : number.start()], folded[reach : number.start()], brackets, level
    )
    return (name, measure.line) if name else None


def _unit_line(printed: str, folded: str, brackets: BracketReader, level: str | None) -> str | None:
    """The unit a line names when it is nothing but one unit's name and a colon (a unit
    the gazetteer does not know too: 综合行政执法队), not a label (责任单位：); read in the
    folded line, returned as printed (黨政綜合辦公室：, d79 traditional, fixture
    styles/zhen_unitlines.txt traditional)."""
    line = folded.strip()
    if not line.endswith(":") or len(line) > _MAX_UNIT_LINE:
        return None
    name = line[:-1].rstrip()
    words = structure_vocabulary()
    if name in words["attribution_labels"] or not name.endswith(tuple(words["unit_endings"])):
        return None
    split = brackets.split(name, level)
    if [*split.lead, *split.responsible] != [name] or split.collectives or split.unsplit:
        return None
    start = len(folded) - len(folded.lstrip())
    return printed[start : start + len(name)]


def _led_by_unit_lines(
    measures: list[RawMeasure],
    attributions: list[Attribution],
    heads: dict[int, tuple[str, int]],
) -> list[Diagnostic]:
    """Each item under a unit line that names no lead of its own is led by that unit
    (_unit_heading_lines); a heading-units diagnostic (info) names each such line."""
    taken: dict[tuple[str, int], list[int]] = {}
    for i, (name, line) in heads.items():
        attribution = attributions[i]
        if attribution.lead:
            continue
        attributions[i] = replace(
            attribution,
            lead=[name],
            responsible=[u for u in attribution.responsible if u != name],
        )
        taken.setdefault((name, line), []).append(measures[i].no)
    return [
        Diagnostic(
            "heading-units",
            f"The line {name}： names a unit: it was read as the lead of measures "
            f"{', '.join(map(str, numbers))} under it.",
            line,
            level="info",
        )
        for (name, line), numbers in taken.items()
    ]


def _unlabelled_lists(
    pairs: list[tuple[Measure, Attribution]], note: int | None
) -> list[Diagnostic]:
    """A bracket of bare unit names (no label, no verb) says nothing of who leads: under a
    "排在首位的为牵头单位" note the first leads; without one all are read as responsible
    units (no unit is said to lead), and the
    office is told to check (an info diagnostic per measure)."""
    return [
        Diagnostic(
            "unlabelled-units",
            f"Measure {measure.no}: its units carry no label or verb; all were read as "
            "responsible units.",
            measure.line,
            level="info",
        )
        for measure, attribution in pairs
        if measure.attribution_raw
        and not attribution.lead  # "X(牵头)、Y" names its lead
        and (note is None or measure.line < note)
        and not is_attribution(fold(measure.attribution_raw))
        and "\n" not in measure.attribution_raw.strip()
    ]


def _without_note(raw: str) -> str:
    """The bracket without the "排在第一位的为牵头单位，下同" note its last field is: a note
    printed inside the first bracket it governs is no unit (tests/parsing/documents d73,
    fixture styles/minzheng_labelsafter.txt); the note's line still sets where it applies."""
    found = _NOTE_IN_BRACKET.search(fold(raw))
    return raw[: found.start()] if found else raw


_NOTE_IN_BRACKET = re.compile(rf"[,;]?\s*{_FIRST_IS_LEAD.pattern}(?:[,;]?\s*下同)?[。.]?\s*$")


def _first_is_lead_note(text: str, folded: str) -> int | None:
    """The line of a "排在首位的为牵头单位，下同" note; it governs the lists below it.

    The note ends in "为牵头单位" or "是牵头部门", which a regex finds quickly; the whole
    pattern is then tried on the few characters before it."""
    for tail in _NOTE_TAIL.finditer(folded):
        window = max(0, tail.start() - 1 - _NOTE_REACH)  # the match starts after 为 / 是
        found = _FIRST_IS_LEAD.search(folded, window, tail.end())
        if found:
            return text.count("\n", 0, found.start()) + 1
    return None


# The fields of an attribution bracket: "市人社局、市委组织部，12月底前完成".
_BRACKET_FIELD = re.compile(r"[,;、:]")


def _bracket_deadline(
    raw: str | None, gazetteer, brackets: BracketReader | None = None
) -> str | None:
    """A deadline printed as a field of the attribution bracket ("…，6月底前完成",
    "；2024年9月底前完成", "，长期坚持"), as printed: the measure's deadline, as a task table's
    完成时限 column gives it (tests/parsing/documents d01, d09 and d11).

    ``brackets``: the document's reader, which folded the bracket when it read its names
    and knows whether a field's word is in it at all (most brackets hold none)."""
    if not raw:
        return None
    if brackets is not None and brackets.gaz is gazetteer and brackets.names_only(raw):
        return None  # (most brackets: no field, no word of one, found as their names were)
    folded = fold(raw) if brackets is None else brackets.folded(raw)
    may_hold_field = brackets is None or brackets.may_hold_field(raw)
    field = gazetteer.deadline_field.search(folded) if may_hold_field else None
    if field is not None:  # 完成时限：2024年6月 (a labelled field, whatever its form)
        return raw[field.start(1) : field.end(1)].strip()
    if not gazetteer.may_hold_not_unit(folded):  # most brackets name units only
        return None
    offset = 0
    for piece in _BRACKET_FIELD.split(folded):
        start, offset = offset, offset + len(piece) + 1
        field = piece.strip()
        if not field or not gazetteer.is_not_unit(field):
            continue
        at = start + piece.find(field)
        if field.startswith(paces()):
            return raw[at : at + len(field)]
        deadline = find_deadline(raw[at : at + len(field)])
        if deadline:
            return deadline
    return None


# A line break with the blanks, empty lines and indentation around it: a measure printed
# over paragraphs (d65, d70, corpus 055: a blank line and an indent between them) keeps one
# line break between them, each paragraph unindented as its first line is.
# (one branch per character it can open with, each a literal: the engine skips to those
# characters, where the optional blanks in front made it try every place of the text;
# speed22: 4.9 -> 2.1 ms over 1 MB, the same matches)
_LINE_END_BLANKS = " \t\u2002\u2003\u3000\ufeff"
_PARAGRAPH_BREAK = re.compile(
    "|".join([r"\n\s*", *(rf"{re.escape(c)}[{_LINE_END_BLANKS}]*\n\s*" for c in _LINE_END_BLANKS)])
)


def _paragraphs_joined(raw: RawMeasure) -> None:
    """Parts the paragraphs of a measure's text by one line break, with no blank line and
    no indentation (the text kept when nothing changes, so its folded copy stands)."""
    joined = _PARAGRAPH_BREAK.sub("\n", raw.text)
    if joined != raw.text:
        raw.text = joined


def _measures(
    raws: list[RawMeasure],
    attributions: list[Attribution],
    headings: list[str | None],
    deadlines: dict[str, str | None],
) -> tuple[list[Measure], list[str]]:
    """The measures, and their texts folded (as the keys and diagnostics read them): each
    text's folded copy asked of its RawMeasure once, where the analysis and the list after
    it asked twice (a property call each, 82 / 87 measures on the seeds)."""
    measures, folded = [], []
    for raw, attribution, title in zip(raws, attributions, headings, strict=True):
        if "\n" in raw.text:
            _paragraphs_joined(raw)
        text = raw.folded
        folded.append(text)
        measures.append(_measure(raw, text, attribution, title, deadlines.get(raw.attribution_raw)))
    return measures, folded


def _measure(
    raw: RawMeasure,
    folded: str,
    attribution: Attribution,
    title: str | None,
    bracket_deadline: str | None,
) -> Measure:
    """``folded``: ``raw.folded``, its paragraphs joined (_paragraphs_joined) before."""
    findings = analyse(raw.text, folded)
    # (positional, in Measure's field order: keywords cost about 0.4 µs a measure more)
    return Measure(
        raw.no,
        raw.chapter,
        raw.section,
        title,
        raw.text,
        raw.attribution_raw,
        attribution.lead,
        attribution.responsible,
        attribution.collectives,
        findings.targets,
        findings.recurring,
        raw.deadline or bracket_deadline or findings.deadline,
        raw.line,
    )
