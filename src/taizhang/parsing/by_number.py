"""A division of labour printed by the measures' numbers, after the measures: "责任分工：市教育局
负责第1、3、5项；市人力资源社会保障局负责第2、6项；市发展改革委负责第4项，市财政局配合" or
"第6、7项由市商务局牵头，市财政局配合。" (tests/parsing/documents d56, fixture
styles/shangwu_byno.txt). Each measure that names no units of its own takes the clause naming
its number, without the numbers (市教育局负责; 市发展改革委负责，市财政局配合), and a diagnostic
says so on the measure's line."""

from __future__ import annotations

import re
from functools import lru_cache

from taizhang.parsing.attribution_text import is_bare_unit_list
from taizhang.parsing.model import Diagnostic
from taizhang.parsing.vocabulary import trie, vocabulary

_CLAUSE_END = "；;。\n"
_CLAUSE_START = "，,；;。：:\n"
_REACH = 100  # characters: the units before 第N项, or the clause after it


@lru_cache(maxsize=1)
def _numbers() -> re.Pattern[str]:
    """第1、3、5项 / 第1-3项 / 第1至3条 (folded: ASCII digits)."""
    items = trie(vocabulary()["by_number_items"])
    return re.compile(rf"第(\d{{1,3}}(?:[、,和及至~-]\d{{1,3}})*)(?:{items})(?:工作|任务)?")


@lru_cache(maxsize=1)
def _verb_end() -> re.Pattern[str]:
    return re.compile(rf"(?:{trie(vocabulary()['by_number_verbs'])})$")


def _listed(numbers: str) -> list[int]:
    out: list[int] = []
    for piece in re.split(r"[、,和及]", numbers):
        ends = re.split(r"[至~-]", piece)
        if len(ends) == 2 and ends[0] and ends[1] and int(ends[0]) < int(ends[1]) <= 300:
            out.extend(range(int(ends[0]), int(ends[1]) + 1))
        elif ends[0]:
            out.append(int(ends[0]))
    return out


def _clauses(text: str, folded: str) -> list[tuple[list[int], str, int]]:
    """(numbers, attribution as printed without them, where the numbers stand) of each
    clause naming measures by number."""
    out = []
    support = tuple(vocabulary()["subject_support_verbs"])
    for found in _numbers().finditer(folded):
        # (within a clause's reach: a search to the text's edge per number would make the
        # work grow with the square of the text)
        reach = max(0, found.start() - _REACH)
        start = max(folded.rfind(c, reach, found.start()) for c in _CLAUSE_START) + 1
        start = max(start, reach)
        stop = min(len(folded), found.end() + _REACH)
        ends = [e for e in (folded.find(c, found.end(), stop) for c in _CLAUSE_END) if e >= 0]
        end = min(ends, default=stop)
        # a heading run into the clause (四、责任分工市教育局负责…, d56 printed run-in) ends
        # at its 分工
        head = folded.find("分工", start, found.start())
        start = start if head < 0 else head + 2
        before = folded[start : found.start()].strip()
        after = folded[found.end() : end]
        if before and _verb_end().search(before) and len(before) <= 60:
            # 市发展改革委负责第4项，市财政局配合: a support clause after the numbers
            # (not past another clause's numbers: 市X负责第1、2项，市Y负责第3项，各区人民政府配合
            # gives 配合 to 第3项 alone, round 17: tests/parsing/documents d185 and fixture
            # styles/fengong_duanluo.txt)
            tail = (
                after
                if after.startswith((",", "，"))
                and after.rstrip().endswith(support)
                and "第" not in after
                else ""
            )
            printed = (
                text[start : found.start()].strip() + text[found.end() : found.end() + len(tail)]
            )
        elif not before and after.startswith("由") and len(after) <= 80:
            printed = text[found.end() + 1 : end].strip()  # 第6、7项由市商务局牵头，市财政局配合
        else:
            continue
        if "第" not in printed and printed:
            out.append((_listed(found.group(1)), printed.rstrip("，,."), found.start()))
    return out


def attributions_by_number(measures, text: str, folded: str) -> list[Diagnostic]:
    """Give each measure without an attribution the by-number clause naming it (see above).
    Only where every measure's number is its own (numbering that restarts per chapter names
    no single measure) and two measures at least are named."""
    if ("项" not in folded and "条" not in folded) or not measures:
        return []
    if all(m.attribution_raw for m in measures):
        return []
    by_no = {m.no: m for m in measures}
    if len(by_no) < len(measures):
        return []
    found = [c for c in _clauses(text, folded) if c[0] and set(c[0]) <= by_no.keys()]
    if sum(len(nos) for nos, _, _ in found) < 2:
        return []
    _without_division_lines(measures, {o for _, _, at in found if (o := _opening(text, at))})
    out = []
    for numbers, raw, _ in found:
        for no in numbers:
            measure = by_no[no]
            if measure.attribution_raw:
                continue
            measure.attribution_raw = raw
            out.append(
                Diagnostic(
                    "attribution-by-number",
                    f"Measure {no} takes its units from the division of labour printed by "
                    f"measure numbers after the measures: {raw}.",
                    measure.line,
                    level="info",
                )
            )
    return out


def _opening(text: str, at: int) -> str | None:
    """What a clause's sentence holds before its numbers at ``at`` (责任分工：市X负责), from the
    line's start or the sentence end before it (a copy printed run-in), or None."""
    reach = max(0, at - _REACH)
    start = max(text.rfind("\n", reach, at), text.rfind("。", reach, at))
    if start < 0 and reach:
        return None  # a sentence longer than the reach: no clause's
    return text[start + 1 : at].strip() or None


def _without_division_lines(measures, openings: set[str]) -> None:
    """A paragraph dividing the labour by number after a section's measures (责任分工：市X负责
    第1、2项，市Y负责第3项。) closes the section: it is no part of the last measure's text
    that the skeleton ran on into it, on a line of its own or run in after the measure's
    last sentence (round 17: tests/parsing/documents d185 printed and run in, fixture
    styles/fengong_duanluo.txt). Its numbers name the measures, above."""
    for measure in measures:
        cuts = [_cut(measure.text, opening) for opening in openings]
        cut = min((at for at in cuts if at), default=None)
        if cut is not None:
            measure.text = measure.text[:cut].rstrip()


def _cut(text: str, opening: str) -> int | None:
    """Where ``opening`` starts a line or a sentence of ``text`` after its first, or None."""
    at = text.find(opening)
    if at <= 0:
        return None
    before = text[:at].rstrip(" \u3000")
    return at if before.endswith(("\n", "。")) else None


# A division of labour printed as a second numbered list, parallel to the measures' (措施
# 1.–8., then "三、责任分工" / "1.区委宣传部、区司法局；2.区司法局，各街道办事处；…"): round 17,
# tests/parsing/documents d216, fixture styles/fengong_binglie.txt. The heading's 分工 opens the
# search (a literal); each item holds unit names only, numbered 1, 2, … in order.
_LIST_HEAD = re.compile(r"分工[:：]?\s*(?=1[.、])")
_LIST_ITEM = re.compile(r"(\d{1,3})[.、]\s*([^;。\n]{2,80}?)\s*(?:[;。]\s*|\n\s*|$)")


def _parallel_list(folded: str) -> list[tuple[int, int, int]] | None:
    """(number, start, end) of each item of a division of labour by parallel list, or None."""
    for head in _LIST_HEAD.finditer(folded):
        items, at = [], head.end()
        while (found := _LIST_ITEM.match(folded, at)) and int(found.group(1)) == len(items) + 1:
            if not is_bare_unit_list(found.group(2)):
                break
            items.append((len(items) + 1, found.start(2), found.end(2)))
            at = found.end()
        if len(items) >= 2:
            return items
    return None


def attributions_by_list(measures, text: str, folded: str) -> tuple[list, list[Diagnostic]]:
    """The measures without the items of a parallel division of labour (read as measures of
    their own: their number is a measure's again), each measure that names no units taking
    the item of its number. Only where every measure's number is its own."""
    # (the measures first: a search for two Han characters scans the whole text at some
    # 1-2 ns a character, 6 and 12 µs on seeds 001 and 000, whose measures all have units)
    if not measures or all(m.attribution_raw for m in measures) or "分工" not in folded:
        return measures, []
    items = _parallel_list(folded)
    if items is None:
        return measures, []
    listed = {text[start:end].strip() for _no, start, end in items}
    kept = [m for m in measures if m.attribution_raw or _item_text(m) not in listed]
    by_no = {m.no: m for m in kept}
    if len(by_no) < len(kept) or any(no not in by_no for no, _s, _e in items):
        return measures, []
    out = []
    for no, start, end in items:
        measure = by_no[no]
        if measure.attribution_raw:
            continue
        measure.attribution_raw = text[start:end].strip()
        out.append(
            Diagnostic(
                "attribution-by-number",
                f"Measure {no} takes its units from item {no} of the division of labour "
                f"printed as a list after the measures: {measure.attribution_raw}.",
                measure.line,
                level="info",
            )
        )
    return kept, out


def _item_text(measure) -> str:
    """A measure's text as a parallel list's item prints it, without its closing mark."""
    return measure.text.strip().rstrip("；;。")
