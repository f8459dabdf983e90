"""Quantitative targets, recurring duties and completion deadlines in a measure's text.

Every function matches on ``fold(text)`` (same length as ``text``) and returns spans of the
original characters, so full-width and traditional variants work and quotes stay verbatim.
The vocabulary lives in ``data/targets.toml``; the rules below are linguistic cues:

* a target is a value with a counter that the text commits to: a comparator word before it
  (达到 / 不少于 / 至少建设), 以上 after it, a metric noun right before it (年限12.5年), a
  creation verb governing it (形成3—5个品牌活动) or "N个X全部建成";
* a value is not a target when it is an ordinal (第1期), a denominator (每万人), a threshold
  (1千人以上的), a limit (以内), a duration (20个工作日), a frequency (2次), part of a
  per-year quota (每年…不少于15部) or a past result (2018年以来…下降22%);
* a recurring duty starts at its marker (每年, 定期 …), or at the governing verb when the
  marker sits inside the object (开展好每年“12.4”…活动), and runs to the end of its clause.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from taizhang.parsing.model import Target
from taizhang.parsing.normalize import fold

_CLAUSE_ENDS = ",;。:!?\n"
_SENTENCE_ENDS = "。!?\n"
_SCOPE_ENDS = ";。!?\n"  # a per-year quota governs every comma clause up to these
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_YEAR = r"(?:19|20)[0-9]{2}"


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = resources.files("taizhang.parsing").joinpath("data/targets.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def _any(words: list[str]) -> str:
    """A regex alternation trying longer words first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _ends_with(text: str, words: list[str], end: int | None = None) -> str | None:
    """The longest of ``words`` that ``text[:end]`` ends with."""
    for word in sorted(words, key=len, reverse=True):
        if text.endswith(word, 0, end):
            return word
    return None


def _starts_with(text: str, words: list[str], start: int = 0) -> str | None:
    """The longest of ``words`` that ``text[start:]`` starts with."""
    for word in sorted(words, key=len, reverse=True):
        if text.startswith(word, start):
            return word
    return None


def _clause_start(folded: str, pos: int, ends: str = _CLAUSE_ENDS) -> int:
    start = pos
    while start > 0 and folded[start - 1] not in ends:
        start -= 1
    return start


def _clause_end(folded: str, pos: int, ends: str = _CLAUSE_ENDS) -> int:
    end = pos
    while end < len(folded) and folded[end] not in ends:
        end += 1
    return end


# ---------------------------------------------------------------- deadlines


@dataclass(frozen=True)
class _Deadline:
    start: int
    end: int
    year: int | None
    month: int | None

    def order(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month or 12, self.start)


@lru_cache(maxsize=1)
def _year_pattern() -> re.Pattern[str]:
    words = _vocab()["deadlines"]
    return re.compile(
        rf"(?<![0-9])(?P<pre>{_any(words['before'])})?(?P<year>{_YEAR})年"
        r"(?:(?P<month>[0-9]{1,2})月(?:(?P<day>[0-9]{1,2})日)?)?"
        rf"(?P<end>{_any(words['ends'])})?(?P<suf>{_any(words['after'])})?"
    )


@lru_cache(maxsize=1)
def _month_pattern() -> re.Pattern[str]:
    words = _vocab()["deadlines"]
    return re.compile(
        r"(?<![0-9年])(?:(?P<month>[0-9]{1,2})月(?:[0-9]{1,2}日)?"
        rf"|{_any(words['year_end'])})"
        rf"(?P<part>{_any(words['month_parts'])})?(?P<suf>{_any(words['after'])})?"
    )


def _year_deadlines(folded: str) -> list[_Deadline]:
    words = _vocab()["deadlines"]
    found = []
    for m in _year_pattern().finditer(folded):
        before = folded[max(0, m.start() - 1) : m.start()]
        if before in ("-", "~") or (m["pre"] and before == "年"):
            continue  # the end of a span such as 2020—2022年 is a period, not a deadline
        if _ends_with(folded, words["purposes"], m.start()):
            continue
        committed = _starts_with(folded, words["commitments"], m.end()) or (
            folded.startswith(",", m.end()) and not m["month"]  # "2016年10月," dates a past event
        )
        if m["pre"] or m["suf"] or m["end"] or (not m["day"] and committed):
            month = int(m["month"]) if m["month"] else None
            found.append(_Deadline(m.start(), m.end(), int(m["year"]), month))
    return found


def _month_deadlines(folded: str) -> list[_Deadline]:
    markers = _recurring_pattern()
    found = []
    for m in _month_pattern().finditer(folded):
        if not (m["part"] or m["suf"]):
            continue
        clause = folded[_clause_start(folded, m.start()) : m.start()]
        if markers.search(clause):
            continue  # 每年3月1日之前 is a recurring date, not a completion deadline
        month = int(m["month"]) if m["month"] else None
        found.append(_Deadline(m.start(), m.end(), None, month))
    return found


def find_deadline(text: str) -> str | None:
    """The completion deadline ``text`` commits to, as printed; the latest one if several."""
    folded = fold(text)
    candidates = _year_deadlines(folded) or _month_deadlines(folded)
    if not candidates:
        return None
    latest = max(candidates, key=_Deadline.order)
    return text[latest.start : latest.end]


def deadline_year(text: str) -> int | None:
    """The year of :func:`find_deadline`, or None when it names no year."""
    deadline = find_deadline(text)
    if deadline is None:
        return None
    found = re.search(_YEAR, fold(deadline))
    return int(found.group()) if found else None


# ---------------------------------------------------------------- recurring duties


@lru_cache(maxsize=1)
def _recurring_pattern() -> re.Pattern[str]:
    return re.compile(_any(_vocab()["recurring"]["markers"]))


def _recurring_start(folded: str, start: int, end: int) -> int:
    """Where the quote of the marker at ``folded[start:end]`` begins."""
    words = _vocab()["recurring"]
    clause_start = _clause_start(folded, start)
    before = folded[clause_start:start]
    verb = _ends_with(before, words["governing_verbs"])
    opens_object = _starts_with(folded, words["object_openers"], end) is not None
    if not verb and not opens_object:
        return start  # an adverbial marker: 每年至少参加一次…
    if _starts_with(before, words["clause_prepositions"]):
        return clause_start  # 对…进行定期评估: the verb needs its 对 phrase
    return start - len(verb) if verb else clause_start


def find_recurring(text: str) -> list[str]:
    """Verbatim substrings of ``text`` that state a recurring duty."""
    folded = fold(text)
    negations = _vocab()["recurring"]["negations"]
    quotes, covered = [], 0
    for m in _recurring_pattern().finditer(folded):
        if _ends_with(folded, negations, m.start()) or m.start() < covered:
            continue
        start = _recurring_start(folded, m.start(), m.end())
        covered = _clause_end(folded, m.end())
        quotes.append(text[start:covered])
    return quotes


def _recurring_scopes(folded: str) -> list[tuple[int, int]]:
    """Spans governed by a recurring marker: a per-year quota is a duty, not a target."""
    negations = _vocab()["recurring"]["negations"]
    return [
        (m.start(), _clause_end(folded, m.end(), _SCOPE_ENDS))
        for m in _recurring_pattern().finditer(folded)
        if not _ends_with(folded, negations, m.start())
    ]


# ---------------------------------------------------------------- targets


@lru_cache(maxsize=1)
def _value_pattern() -> re.Pattern[str]:
    numbers = _vocab()["numbers"]
    chinese = numbers["chinese_digits"]
    value = rf"(?:{_NUMBER}|[{chinese}]+)"
    return re.compile(
        rf"(?<![0-9.{chinese}])(?P<num>{value})"
        rf"(?:(?:{_any(numbers['range_separators'])})(?P<high>{value}))?"
        rf"(?P<unit>(?:{_any(numbers['magnitudes'])})?(?:{_any(numbers['units'])}))"
        r"(?:\([^()\n]{1,8}\))?"  # alternative counters: 500部(篇、幅)
    )


def _chinese_value(numeral: str) -> float:
    digits = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    scales = {"十": 10, "百": 100, "千": 1000}
    total = section = number = 0
    for ch in numeral:
        if ch in digits:
            number = digits[ch]
        elif ch in scales:
            section += (number or 1) * scales[ch]
            number = 0
        else:  # 万
            total += (section + number) * 10000
            section = number = 0
    return float(total + section + number)


def _value(numeral: str) -> float:
    return float(numeral) if numeral[0].isascii() else _chinese_value(numeral)


@dataclass
class _Cue:
    """Why a value counts as a target, and what that says about the quote."""

    comparator: str
    starts_at_value: bool = False  # "39个村和社区全部建成…": the metric follows the value
    object_counted: bool = False  # "创建X基地2个以上": the verb's object is the metric


def _stated_cue(before: str, arabic: bool, unit: str, after: str) -> _Cue | None:
    """The cue before or after a value that makes it a goal, or None."""
    words = _vocab()["targets"]
    if _ends_with(before, words["at_least_before"]):
        return _Cue(">=")
    verbs = _any(words["at_least_with_verb"])
    if re.search(rf"(?:{verbs})[\u4e00-\u9fff]{{1,4}}$", before):
        return _Cue(">=")  # 至少建设一个…
    if _ends_with(before, words["reach_before"]) and not _ends_with(before, words["not_reach"]):
        return _Cue("=")
    if not arabic:
        return None  # a Chinese numeral counts only after a comparator: 至少建设一个
    metric = _any(words["metric_suffixes"])
    if re.search(rf"(?:{metric})(?:{_any(words['linking_verbs'])})?$", before):
        return _Cue("=")  # 受教育年限12.5年, 优良天数比率为85%
    if unit.endswith("年"):
        return None  # a number of years needs a metric: 经过3年努力 is a duration
    if _starts_with(after, words["at_least_after"]) and before:
        return _Cue(">=", object_counted=True)  # 建设州级法治宣传教育基地100个以上
    if unit in ("%", "‰") and _starts_with(after, words["completion_verbs"]):
        return _Cue("=")  # 乡镇(街道)100%建立…
    all_done = rf"(?:{_any(words['all_words'])})(?:{_any(words['completion_verbs'])})"
    if re.search(all_done, after):
        return _Cue("=", starts_at_value=True)  # 39个村和社区全部建成…
    if _ends_with(before, words["creation_verbs"]) and after[:1] not in ("", *_CLAUSE_ENDS):
        return _Cue("=")  # 形成3—5个品牌性法治主题活动
    return None


def _is_past(sentence: str, has_deadline: bool) -> bool:
    """A sentence reporting results already achieved (2018年以来…下降22%)."""
    words = _vocab()["targets"]
    if any(marker in sentence for marker in words["past_markers"]):
        return True
    bases = _any(words["comparison_bases"])
    periods = _any(words["comparison_periods"])
    compared = re.search(rf"(?:{bases})(?:[0-9]|{periods})", sentence)
    return bool(compared) and not has_deadline


def _per(before: str) -> str | None:
    """The denominator of a per-capita target: 每万人…2.3人 -> 万人."""
    words = _vocab()["targets"]
    found = re.search(
        rf"每(?P<per>(?:[0-9]+|{_any(words['per_magnitudes'])})"
        rf"(?:{_any(_vocab()['numbers']['magnitudes'])})?(?:{_any(words['per_heads'])}))",
        before,
    )
    return found["per"] if found else None


def _quote_start(folded: str, start: int, cue: _Cue) -> int:
    """Skip the leading 到2025年 / 全州 / 实现 / 力争 of a quote (and 创建 of 创建X…2个以上)."""
    words = _vocab()["targets"]
    leading = words["leading_words"] + (words["creation_verbs"] if cue.object_counted else [])
    moved = True
    while moved:
        moved = False
        deadline = _year_pattern().match(folded, start)
        if deadline:
            start = deadline.end()
            moved = True
        word = _starts_with(folded[start:], leading)
        if word:
            start += len(word)
            moved = True
        while start < len(folded) and folded[start] in ", ":
            start += 1
    return start


def _target_year(deadlines: list[_Deadline], sentence: tuple[int, int], pos: int) -> int | None:
    """The nearest deadline year before ``pos`` in its sentence, else the first after it."""
    inside = [d for d in deadlines if sentence[0] <= d.start < sentence[1]]
    before = [d for d in inside if d.start < pos]
    if before:
        return before[-1].year
    after = [d for d in inside if d.start > pos]
    return after[0].year if after else None


def _rejected(m: re.Match[str], before: str, after: str) -> bool:
    """Values that are never targets, whatever cue surrounds them."""
    numbers, words = _vocab()["numbers"], _vocab()["targets"]
    unit = m["unit"]
    if unit in numbers["frequency_units"] or unit in numbers["duration_units"]:
        return True
    if unit.endswith("年") and not m["num"][0].isascii():
        return True  # 三年行动, 五年规划: a span of years
    if unit == "年" and re.fullmatch(_YEAR, m["num"]):
        return True  # a calendar year
    if _ends_with(before, words["not_value_before"]):
        return True  # 第1期, 每万人
    if before[-1:].isascii() and before[-1:].isalnum():
        return True  # part of a code or name: PM2.5, G20
    return _starts_with(after, words["threshold_after"]) is not None


def find_targets(text: str) -> list[Target]:
    """The quantitative targets stated in ``text`` (a measure or a goal paragraph)."""
    folded = fold(text)
    words = _vocab()["targets"]
    deadlines = _year_deadlines(folded)
    scopes = _recurring_scopes(folded)
    targets: list[Target] = []
    previous_end = 0
    for m in _value_pattern().finditer(folded):
        start, end = m.start(), m.end()
        clause_start = max(_clause_start(folded, start), previous_end)
        before, after = folded[clause_start:start], folded[end : _clause_end(folded, end)]
        if _rejected(m, before, after):
            continue
        if any(s <= start < e for s, e in scopes):
            continue  # a per-year quota: recorded as a recurring duty
        arabic = m["num"][0].isascii()
        cue = _stated_cue(before, arabic, m["unit"], after)
        if cue is None:
            continue
        sentence = (
            _clause_start(folded, start, _SENTENCE_ENDS),
            _clause_end(folded, start, _SENTENCE_ENDS),
        )
        year = _target_year(deadlines, sentence, start)
        if _is_past(folded[sentence[0] : sentence[1]], year is not None):
            continue
        comparator = cue.comparator
        tail = _starts_with(after, words["at_least_after"] + words["approximately_after"])
        if tail:
            end += len(tail)
            if tail in words["at_least_after"]:
                comparator = ">="
        if m["high"]:
            comparator = ">="  # a range 3—5个 gives its lower bound
        previous_end = end
        if end < len(folded) and folded[end] not in _CLAUSE_ENDS + "、":
            end = _clause_end(folded, end)  # the metric follows: 有3名以上“法律明白人”骨干
        quote_start = start if cue.starts_at_value else _quote_start(folded, clause_start, cue)
        unit_start = m.start("unit")
        targets.append(
            Target(
                quote=text[quote_start:end],
                value=_value(m["num"]),
                unit=text[unit_start : unit_start + len(m["unit"])],
                comparator=comparator,
                year=year,
                per=_per(before),
            )
        )
    return targets
