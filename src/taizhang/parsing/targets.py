"""Quantitative targets, recurring duties and completion deadlines in a measure's text.

Every function matches on ``fold(text)`` (same length as ``text``) and returns spans of the
original characters, so full-width and traditional variants work and quotes stay verbatim.
The vocabulary lives in ``data/targets.toml``; the rules below are linguistic cues:

* a target is a value with a counter that the text commits to: a comparator word before it
  (达到 / 不少于 / 至少建设), 以上 after it, a metric noun right before it (年限12.5年), a
  creation verb governing it (形成3—5个品牌活动) or "N个X全部建成";
* a value is not a target when it is an ordinal (第1期), a denominator (每万人), a threshold
  (1千人以上的), a limit (以内), a duration (20个工作日), a frequency (2次), part of a
  per-year quota (每年…不少于15部) or a past result (2018年以来…下降22%; a change against
  a base, 较2020年下降15%, is a target unless a period of its own stands before the base);
* a recurring duty starts at its marker (每年, 定期 …), or at the governing verb when the
  marker sits inside the object (开展好每年“12.4”…活动), and runs to the end of its clause.

Lookups of clause and sentence boundaries use bisection over precomputed delimiter
positions, and cue checks look at a bounded window, so the work stays linear in the text.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from itertools import accumulate, compress

from taizhang.parsing.model import Target
from taizhang.parsing.normalize import fold
from taizhang.parsing.vocabulary import first_chars

# A circled number opens a sub-point, so a clause too: "。①储备抗旱设备200台、…" (fixture
# styles/nongye_circled.txt; ① as measures in tests/parsing/documents d27).
# 】 closes a bracketed heading a measure opens with (1.【推进农药减量控害】建设…示范区10个:
# tests/parsing/documents d43, fixture styles/xumu_bracketheads.txt)
_CLAUSE_ENDS = ",;。:!?\n】" + "".join(chr(c) for c in range(0x2460, 0x2474))
_SENTENCE_ENDS = "。!?\n"  # the year of a target comes from its 。-delimited sentence
_SCOPE_ENDS = ";。!?\n"  # a per-year quota governs every comma clause up to these
_WINDOW = 80  # characters of context a cue or a quote may span on either side of a value
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_MAX_SCOPE = 3  # characters of scope ("城镇", "农村") before a creation verb
_YEAR = r"(?:19|20)[0-9]{2}"
_YEAR_NIAN = re.compile(_YEAR + "年")  # what every year deadline holds
_INDENT_BLANKS = " \u3000\t"  # a line's indentation (folded or not)


@lru_cache(maxsize=1)
def _vocab() -> dict:
    """The vocabulary, every word list a tuple sorted longest first so that 达到 wins over
    达 (and ``str.endswith`` can test a whole list in one call)."""
    data = resources.files("taizhang.parsing").joinpath("data/targets.toml").read_bytes()
    vocab = tomllib.loads(data.decode("utf-8"))
    for table in vocab.values():
        for key, value in table.items():
            if isinstance(value, list):
                table[key] = tuple(sorted(value, key=len, reverse=True))
    return vocab


@lru_cache(maxsize=128)
def _any(table: str, key: str) -> str:
    """A regex alternation of one vocabulary list, longer words first."""
    return "|".join(re.escape(w) for w in _vocab()[table][key])


@dataclass(frozen=True)
class _Compiled:
    """The patterns built from the vocabulary, compiled once."""

    at_least_with_verb: re.Pattern[str]  # 至少建设一个
    metric: re.Pattern[str]  # 受教育年限12.5年, 优良天数比率为85%
    all_done: re.Pattern[str]  # 39个村和社区全部建成
    compared: re.Pattern[str]  # 较2017年 / 比上年
    per: re.Pattern[str]  # 每万人


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    return _Compiled(
        at_least_with_verb=re.compile(
            rf"(?:{_any('targets', 'at_least_with_verb')})[\u4e00-\u9fff]{{1,4}}$"
        ),
        metric=re.compile(
            rf"(?:{_any('targets', 'metric_suffixes')})(?:{_any('targets', 'linking_verbs')})?$"
        ),
        all_done=re.compile(
            rf"(?:{_any('targets', 'all_words')})(?:{_any('targets', 'completion_verbs')})"
        ),
        compared=re.compile(
            rf"(?:{_any('targets', 'comparison_bases')})"
            rf"(?:[0-9]|{_any('targets', 'comparison_periods')})"
        ),
        per=re.compile(
            rf"每(?P<per>(?:[0-9]+|{_any('targets', 'per_magnitudes')})"
            rf"(?:{_any('numbers', 'magnitudes')})?(?:{_any('targets', 'per_heads')}))"
        ),
    )


def _ends_with(text: str, words: tuple[str, ...], start: int = 0, end: int | None = None):
    """The first of ``words`` (longest first in the vocabulary) ending ``text[start:end]``."""
    end = len(text) if end is None else end
    if text.endswith(words, start, end):  # one call in C says whether any word does
        for word in words:  # (a loop, not a generator: no frame and no next() call)
            if text.endswith(word, start, end):
                return word
    return None


def _starts_with(text: str, words: tuple[str, ...], start: int = 0) -> str | None:
    """The first of ``words`` (longest first in the vocabulary) starting ``text[start:]``."""
    if text.startswith(words, start):
        for word in words:
            if text.startswith(word, start):
                return word
    return None


@lru_cache(maxsize=8)
def _delimiters(ends: str) -> re.Pattern[str]:
    # A copy in ASCII punctuation ends its sentences with "." (not before a digit: 1.5万):
    # tests/parsing/documents d20 and d22. Only where a sentence ends may a clause end.
    # One literal per branch (not a class and a literal): the engine then skips to those
    # characters at once instead of trying every place.
    period = [r"\.(?!\d)"] if "。" in ends else []
    return re.compile("|".join([*map(re.escape, ends), *period]))


@lru_cache(maxsize=1)
def _clause_splitter() -> re.Pattern[str]:
    """The clause ends as one group, for ``re.split`` to keep them."""
    return re.compile(f"({_delimiters(_CLAUSE_ENDS).pattern})")


class _Boundaries:
    """Delimiter positions of a text, for clause and sentence lookups by bisection."""

    def __init__(self, folded: str, ends: str, clause_ends: tuple[list[int], list[str]]) -> None:
        """``clause_ends``: the positions and the characters of the clause ends of
        ``folded``, found once; the ends of sentences and scopes are among them, ``ends``
        says which (a period not before a digit ends all three alike). Picked in C."""
        positions, chars = clause_ends
        self._length = len(folded)
        if ends is _CLAUSE_ENDS:  # every clause end is one: the list as found (never changed)
            self._positions = positions
            return
        ends += "."
        self._positions = list(compress(positions, map(ends.__contains__, chars)))

    def start(self, pos: int) -> int:
        """Where the span holding ``pos`` begins: just after the previous delimiter."""
        i = bisect_left(self._positions, pos)
        return self._positions[i - 1] + 1 if i else 0

    def end(self, pos: int) -> int:
        """Where the span holding ``pos`` ends: at the next delimiter."""
        i = bisect_left(self._positions, pos)
        return self._positions[i] if i < len(self._positions) else self._length

    def span(self, pos: int) -> tuple[int, int]:
        """(start(pos), end(pos)) by one bisection."""
        positions = self._positions
        i = bisect_left(positions, pos)
        return (
            positions[i - 1] + 1 if i else 0,
            positions[i] if i < len(positions) else self._length,
        )


def _any_between(positions: list[int], start: int, end: int) -> bool:
    """Whether a sorted list holds a position in ``[start, end)``."""
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


# ---------------------------------------------------------------- recurring markers


@lru_cache(maxsize=1)
def _recurring_pattern() -> re.Pattern[str]:
    return re.compile(_any("recurring", "markers"))


def _markers(folded: str) -> list[re.Match[str]]:
    """Recurring markers, leaving out negated ones (不定期 is irregular)."""
    # Most measures hold none: what every marker holds is looked for first (每 by memchr,
    # a word by a substring search: each several times faster than the pattern, which
    # tests a set of first characters at every character).
    if not any(map(folded.__contains__, _marker_gate())):
        return []
    negations = _vocab()["recurring"]["negations"]
    tails = _vocab()["recurring"]["word_tails"]  # 规定期限: no 定期
    return [
        m
        for m in _recurring_pattern().finditer(folded)
        if not folded.endswith(negations, 0, m.start()) and not folded.startswith(tails, m.start())
    ]


@lru_cache(maxsize=1)
def _marker_gate() -> tuple[str, ...]:
    """What each recurring marker holds: 每 for those holding it (每年, 每季度 …), the
    others whole (定期, 各年度): a text holding none of these holds no marker. (Single
    characters of the others, 期 or 度, stand in common words: 长期, 制度.)"""
    markers = _vocab()["recurring"]["markers"]
    return _shortest_first({"每" if "每" in word else word for word in markers})


def _shortest_first(words: set[str]) -> tuple[str, ...]:
    """A gate's words, single characters first: ``any`` stops at the first word a text
    holds, and a character is found by memchr where a longer word is searched at about
    2 ns a character (speed18), so a text holding 年 or 每 is answered before 定期 is
    searched through it (speed23)."""
    return tuple(sorted(words, key=lambda word: (len(word), word)))


# ---------------------------------------------------------------- deadlines


@dataclass(slots=True)  # not frozen: made for each deadline found (see units.names.Name)
class _Deadline:
    start: int
    end: int
    year: int | None
    month: int | None

    def order(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month or 12, self.start)


@lru_cache(maxsize=1)
def _year_pattern() -> re.Pattern[str]:
    # Each pattern opens with a lookahead on its possible first characters: the engine then
    # passes every other position at once instead of testing the lookbehind there.
    first = first_chars([*_vocab()["deadlines"]["before"], "1", "2"])
    return re.compile(
        rf"(?={first})(?<![0-9])(?P<pre>{_any('deadlines', 'before')})?(?P<year>{_YEAR})年"
        rf"(?:{_range_start()}(?P<month>[0-9]{{1,2}})月(?:(?P<day>[0-9]{{1,2}})日)?"
        rf"|{_quarter()})?"
        rf"(?P<end>{_any('deadlines', 'ends')})?(?P<suf>{_any('deadlines', 'after')})?"
    )


def _range_start() -> str:
    # A range of months gives its end ("2025年3月至6月", "2025年3月—6月", "2025年3—6月",
    # "2025年3月1日至2026年6月30日"): the month group reads the last month, a year after the
    # joiner the year (last_year). Round 24 leftovers: in a measure's text (fixture
    # styles/yuefen_qujian.txt, tests/parsing/documents d320); a 完成时限 field's range is
    # printed whole already (fixture styles/shixian_qujian.txt), and
    # plans.importing.deadline_date ends both at the last month.
    # (tried only where a year with 年 matched, so the optional group costs nothing elsewhere)
    joiners = _any("deadlines", "range_joiners")
    return (
        rf"(?:[0-9]{{1,2}}月?(?:[0-9]{{1,2}}日)?(?:{joiners})"
        rf"(?:(?P<last_year>{_YEAR})年)?)?"
    )


def _quarter() -> str:
    # A quarter before 前 or 末 is part of the deadline: "2025年第三季度前建成…" (round 21:
    # tests/parsing/documents d281, fixture styles/jidu_qian.txt with 第二季度前 and
    # 第四季度末). A bare quarter (2024年第一季度，…) is the period a figure measures, left out.
    # (tried only where a year with 年 matched, so the lookahead costs nothing elsewhere)
    ends = _any("deadlines", "ends") + "|" + _any("deadlines", "after")
    return rf"第?[一二三四1-4]季度(?={ends})"


@lru_cache(maxsize=1)
def _month_pattern() -> re.Pattern[str]:
    first = first_chars([*_vocab()["deadlines"]["year_end"], *"0123456789"])
    return re.compile(
        rf"(?={first})(?<![0-9年])(?:(?P<month>[0-9]{{1,2}})月(?:[0-9]{{1,2}}日)?"
        rf"|{_any('deadlines', 'year_end')})"
        rf"(?P<part>{_any('deadlines', 'month_parts')})?(?P<suf>{_any('deadlines', 'after')})?"
    )


def _year_matches(folded: str, year: re.Match[str] | None = None) -> Iterator[re.Match[str]]:
    """``_year_pattern().finditer(folded)``, the pattern searched only from a few
    characters before each year with 年 (``_YEAR_NIAN``, found by its literal digits):
    every match holds one, after at most the longest word before a year. The pattern,
    which opens with a lookahead, is thus not tried at every place of the text
    (tests/parsing/test_passes.py compares the two). ``year``: the text's first year with
    年, when the caller has found it."""
    pattern, reach = _year_pattern(), _longest("deadlines", "before")
    at = 0
    year = _YEAR_NIAN.search(folded) if year is None else year
    while year is not None:
        m = pattern.search(folded, max(at, year.start() - reach))
        if m is None:
            return
        yield m
        at = m.end()
        year = _YEAR_NIAN.search(folded, at)


def _month_matches(folded: str) -> Iterator[re.Match[str]]:
    """``_month_pattern().finditer(folded)``, the pattern searched only from just before
    each 月 (a match opens with one or two digits before it) or a year's end word
    (年底, which a match opens with), as _year_matches does. The next place of each is
    looked for again only once a match has passed it (a word no longer there is not
    looked for again): the text is read once, however many matches it holds."""
    pattern, words = _month_pattern(), ("月", *_vocab()["deadlines"]["year_end"])
    before = (2, *(0 for _ in words[1:]))  # how far before its word a match may open
    upcoming = [folded.find(word) for word in words]  # -1: none left
    at, length = 0, len(folded)
    while True:
        start = length
        for i, found in enumerate(upcoming):
            if 0 <= found < at:
                found = upcoming[i] = folded.find(words[i], at)
            if found >= 0:
                start = min(start, max(at, found - before[i]))
        if start >= length:
            return
        m = pattern.search(folded, start)
        if m is None:
            return
        yield m
        at = m.end()


@lru_cache(maxsize=8)
def _longest(table: str, key: str) -> int:
    return max(map(len, _vocab()[table][key]), default=0)


def _year_deadlines(folded: str, year: re.Match[str] | None = None) -> list[_Deadline]:
    """Deadlines naming a year (到2025年, 2025年前, 2023年底前, 2022年完成), in text order
    (``year``: the text's first year with 年, when the caller has found it)."""
    words = _vocab()["deadlines"]
    found = []
    for m in _year_matches(folded, year):
        start, end = m.span()
        pre, suf, month, day = m.group("pre", "suf", "month", "day")
        before = folded[max(0, start - 1) : start]
        if before in ("-", "~") or (pre and before == "年"):
            continue  # the end of a span such as 2020—2022年 is a period, not a deadline
        if folded.endswith(words["purposes"], 0, start):
            continue
        if suf and not pre and _ATTRIBUTIVE.match(folded, end):
            continue  # "2000年底前建成的小区": when the things were made, not a deadline
        # (a year with a word before or after it is a deadline whatever follows: whether a
        # commitment follows is asked only of a bare year)
        # (a range of months commits as its last month does: 2025年3月—6月完成…, where
        # "活动时间:2025年3月—4月活动地点:…" of a copy printed run in dates an event, d261)
        if pre or suf or m["end"] or (not day and _committed(folded, start, end, month, words)):
            year = int(m["last_year"] or m["year"])
            found.append(_Deadline(start, end, year, int(month) if month else None))
    return found


def _committed(folded: str, start: int, end: int, month: str | None, words: dict) -> bool:
    """Whether a bare year at ``folded[start:end]`` is followed by what it commits to."""
    return bool(
        folded.startswith(words["commitments"], end)
        or (folded.startswith(",", end) and not month)  # "2016年10月," dates an event
        or (not month and _opens_clause(folded, start, end))
    )


# A date with 前 followed by a verb and 的 qualifies a noun: "改造2000年底前建成的城镇老旧小区"
# names the homes by when they were built (tests/parsing/documents d19; the 养老 plan of
# tests/parsing/test_goal_articles.py: "2005年以前投用的养老机构").
_ATTRIBUTIVE = re.compile(r"[\u4e00-\u9fff]{1,2}的")


def _opens_clause(folded: str, start: int, end: int) -> bool:
    """A bare year at the start of a clause (or after 确保 / 力争) states its deadline."""
    words = _vocab()["deadlines"]
    if folded.startswith(words["not_after_year"], end) or end >= len(folded):
        return False
    if not "\u4e00" <= folded[end] <= "\u9fff":
        return False
    opener = _ends_with(folded, words["clause_openers"], 0, start)
    at = start - len(opener) if opener else start
    # (the blanks of a paragraph's indentation before it: a goal heading's paragraph is read
    # as printed, "　　2025年全县新建高标准农田3.5万亩，…": round 20, tests/parsing/documents
    # d260, fixture styles/niandu_mubiao.txt)
    while at and folded[at - 1] in _INDENT_BLANKS:
        at -= 1
    return at == 0 or folded[at - 1] in _CLAUSE_ENDS


def _month_deadlines(context: _Context) -> list[_Deadline]:
    """Deadlines without a year (6月底前, 年底前), as annual plans print them."""
    folded = context.folded
    # A month deadline holds 月 or a year's end (年底): without either, no pattern is tried.
    if "月" not in folded and not any(map(folded.__contains__, _vocab()["deadlines"]["year_end"])):
        return []
    found = []
    for m in _month_matches(folded):
        if not (m["part"] or m["suf"]):
            continue
        if _any_between(context.markers, context.clauses.start(m.start()), m.start()):
            continue  # 每年3月1日之前 is a recurring date, not a completion deadline
        month = int(m["month"]) if m["month"] else None
        found.append(_Deadline(m.start(), m.end(), None, month))
    return found


def find_deadline(text: str, context: _Context | None = None) -> str | None:
    """The completion deadline ``text`` commits to, as printed; the latest one if several.

    ``context``: the text's analysis when it is already made (see ``analyse``)."""
    context = context or _Context(fold(text))
    candidates = context.deadlines or _month_deadlines(context)
    if not candidates:
        return None
    latest = max(candidates, key=_Deadline.order)
    return text[latest.start : latest.end]


def deadline_year(text: str) -> int | None:
    """The year of :func:`find_deadline`, or None when it names no year."""
    deadline = find_deadline(text)
    if deadline is None:
        return None
    found = re.findall(_YEAR, fold(deadline))
    return int(found[-1]) if found else None  # (a range's last: 2025年10月至2026年3月)


# ---------------------------------------------------------------- recurring duties


def _recurring_start(folded: str, clause_start: int, start: int, end: int) -> int:
    """Where the quote of the marker at ``folded[start:end]`` begins."""
    words = _vocab()["recurring"]
    verb = _ends_with(folded, words["governing_verbs"], clause_start, start)
    opens_object = folded.startswith(words["object_openers"], end)
    if not verb and not opens_object:
        return start  # an adverbial marker: 每年至少参加一次…
    preposition = _starts_with(folded, words["clause_prepositions"], clause_start)
    if preposition and clause_start + len(preposition) <= start:
        return clause_start  # 对…进行定期评估: the verb needs its 对 phrase
    return start - len(verb) if verb else clause_start


def find_recurring(text: str, context: _Context | None = None) -> list[str]:
    """Verbatim substrings of ``text`` that state a recurring duty."""
    context = context or _Context(fold(text))
    folded = context.folded
    quotes, covered = [], 0
    for m in context.marker_matches:
        if m.start() < covered:
            continue  # a second marker in a clause already quoted
        clauses = context.clauses  # made only for a text with a marker
        start = _recurring_start(folded, clauses.start(m.start()), m.start(), m.end())
        covered = clauses.end(m.end())
        quotes.append(text[start:covered])
    return quotes


# ---------------------------------------------------------------- target values


@lru_cache(maxsize=1)
def _value_pattern() -> re.Pattern[str]:
    numbers = _vocab()["numbers"]
    chinese = numbers["chinese_digits"]
    value = rf"(?:{_NUMBER}|[{chinese}]+)"
    # The value opens with a character set, which the engine skips to at once (a lookahead
    # or a lookbehind in front is tried at every character: twice the time). The set's
    # character is read first; the lookbehind then checks the character before it, and
    # the rest of the numeral is read by its kind: _NUMBER or a run of Chinese digits.
    first = (
        rf"[0-9{chinese}](?<![0-9.{chinese}].)"
        rf"(?:(?<=[0-9])[0-9]*(?:\.[0-9]+)?|(?<=[{chinese}])[{chinese}]*)"
    )
    # After the numeral, what must follow it (a range's separator, a magnitude or a counter)
    # is tested by its first character, one class test: most numerals found are none of a
    # value (一 of 进一步, 三 of 三是), and the counters' alternation tried each of its ~70
    # words there (speed22: the pattern over 1 MB of corpus text 5.9 -> 4.3 ms, the same
    # matches). Every word is non-empty, so a match always holds such a character there.
    follows = {w[0] for key in ("range_separators", "magnitudes", "units") for w in numbers[key]}
    return re.compile(
        rf"(?P<num>{first})(?=[{''.join(map(re.escape, sorted(follows)))}])"
        rf"(?:(?:{_any('numbers', 'range_separators')})(?P<high>{value}))?"
        rf"(?P<unit>(?:{_any('numbers', 'magnitudes')})?(?:{_any('numbers', 'units')}))"
        r"(?:\([^()\n]{1,8}\))?"  # alternative counters: 500部(篇、幅)
    )


def opens_with_a_decimal_quantity(folded: str) -> bool:
    """Whether ``folded`` opens with a decimal number and its counter (1.2亿元, 12.5万人次,
    2.5%): a quantity, which a decimal outline's number (2.1 加强…) never is."""
    found = _value_pattern().match(folded)
    return found is not None and "." in found["num"]


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


def _never_a_target(m: re.Match[str]) -> bool:
    """Values that are never targets by their own reading: a frequency, a duration, a span
    of years, a calendar year. Asked before the text around the value is cut out: a
    measure's years (到2025年) are most of its values."""
    unit = m["unit"]
    if unit in _never_units():
        return True
    if unit.endswith("年"):
        num = m["num"]
        if not num[0].isascii():
            return True  # 三年行动, 五年规划: a span of years
        return unit == "年" and _CALENDAR_YEAR.fullmatch(num) is not None
    return False


@lru_cache(maxsize=1)
def _never_units() -> frozenset[str]:
    """The counters of a frequency or a duration: one set for both."""
    numbers = _vocab()["numbers"]
    return frozenset((*numbers["frequency_units"], *numbers["duration_units"]))


_CALENDAR_YEAR = re.compile(_YEAR)


def _rejected(m: re.Match[str], before: str, after: str) -> bool:
    """Values that are never targets, whatever cue surrounds them (``_never_a_target``
    has been asked)."""
    numbers, words = _vocab()["numbers"], _vocab()["targets"]
    unit = m["unit"]
    # (the tests below that only ask whether a word is there ask str.endswith/startswith
    # with the whole list, one call in C: _ends_with and _starts_with also say which)
    if before.endswith(words["not_value_before"]):
        return True  # 第1期, 每万人
    if _is_standard(before, after, words):
        return True  # 给予一次性奖励50万元, 按…标准的70%确定
    if unit in numbers["length_units"] and not any(
        verb in before for verb in numbers["construction_verbs"]
    ):
        return True  # 学校周边200米范围内: a distance, not a length to be built
    if before[-1:].isascii() and before[-1:].isalnum():
        return True  # part of a code or name: PM2.5, G20
    qualifier = unit in numbers["qualifier_units"] and after[2:3] >= "\u4e00"
    if qualifier and after.startswith(words["threshold_units_after"]):
        return True  # 为3万名65岁以上老年人…: an age that names the group served
    if before.endswith(words["at_most_before"]):
        return False  # an upper bound: 控制在5.5%以下
    return after.startswith(words["threshold_after"])


def _is_standard(before: str, after: str, words: dict) -> bool:
    """A value a policy grants or sets a rule at, in its clause (targets.toml grant_verbs,
    standard_after)."""
    if after.startswith(words["standard_after"]):
        return True
    # (each word searched by a map in C, without a generator's frame)
    if not any(map(before.__contains__, words["grant_verbs"])):
        return False  # (most values: no grant verb anywhere before them)
    clause = before[max(map(before.rfind, _CLAUSE_ENDS)) + 1 :]
    return any(map(clause.__contains__, words["grant_verbs"]))


@dataclass(frozen=True)
class _Cue:
    """Why a value counts as a target, and what that says about the quote."""

    comparator: str
    starts_at_value: bool = False  # "39个村和社区全部建成…": the metric follows the value
    object_counted: bool = False  # "创建X基地2个以上": the verb's object is the metric


# The cues, made once (a cue is only read): making a dataclass costs more than the test.
_AT_LEAST = _Cue(">=")
_AT_MOST = _Cue("<=")
_REACH = _Cue("=")
_AT_LEAST_OBJECT = _Cue(">=", object_counted=True)
_AT_LEAST_FROM_VALUE = _Cue(">=", starts_at_value=True)
_REACH_OBJECT = _Cue("=", object_counted=True)
_REACH_FROM_VALUE = _Cue("=", starts_at_value=True)


_SHARE_BASE = 16  # characters of the whole a share is of: 本单位执法人员总数的


def _at_least_share(before: str, at_least: tuple[str, ...]) -> bool:
    """A share of a whole after 不少于 (不少于本单位执法人员总数的5%: tests/parsing/documents
    d116; 不低于建成区面积的40%: fixture styles/lvhua_zhanbi.txt): the bound governs the share,
    its whole named in the same clause between them."""
    tail = before[-_SHARE_BASE:]
    at = max(tail.rfind(word) for word in at_least)
    return at >= 0 and not any(end in tail[at:] for end in _CLAUSE_ENDS)


def _bound_before(before: str, at_least: tuple[str, ...]) -> bool:
    """至少 earlier in the value's clause, its verb and object between (至少培养“法律明白人”6名:
    tests/parsing/documents d231; 每所学校至少建设“阅读角”2个: fixture styles/yuedu_shudian.txt)
    bounds the value as 至少6名 does: gold README, 至少 gives >=. No other number between."""
    at = max(before.rfind(word) for word in at_least)
    return at >= 0 and not any(c.isdigit() for c in before[at:])


def _stated_cue(before: str, arabic: bool, unit: str, after: str) -> _Cue | None:
    """The cue before or after a value that makes it a goal, or None."""
    words = _vocab()["targets"]
    # (whether a list's word is there: str.endswith/startswith with the list, one call in C)
    if before.endswith(words["at_least_before"]):
        return _AT_LEAST
    if before.endswith(words["at_most_before"]):
        return _AT_MOST  # 控制在5.5%以下
    if before.endswith("的") and _at_least_share(before, words["at_least_before"]):
        return _AT_LEAST  # 不少于本单位执法人员总数的5%
    if _compiled().at_least_with_verb.search(before):
        return _AT_LEAST  # 至少建设一个…
    if before.endswith(words["reach_before"]) and not before.endswith(words["not_reach"]):
        return _REACH
    if not arabic:
        return None  # a Chinese numeral counts only after a comparator: 至少建设一个
    if _compiled().metric.search(before):
        return _REACH  # 受教育年限12.5年, 优良天数比率为85%
    if unit.endswith("年"):
        return None  # a number of years needs a metric: 经过3年努力 is a duration
    if after.startswith(words["at_least_after"]) and before:
        return _AT_LEAST_OBJECT  # 建设州级法治宣传教育基地100个以上
    if after.startswith(words["at_least_after"]) and after[2:3] >= "\u4e00":
        return _AT_LEAST_FROM_VALUE  # 4个以上乡镇建成就业服务站
    if unit in ("%", "‰") and after.startswith(words["completion_verbs"]):
        return _REACH  # 乡镇(街道)100%建立…
    if _compiled().all_done.search(after):
        return _REACH_FROM_VALUE  # 39个村和社区全部建成…
    if (
        before.endswith(words["creation_verbs"]) or before.endswith(words["causative_verbs"])
    ) and after[:1] not in ("", *_CLAUSE_ENDS):
        return _REACH  # 形成3—5个品牌性法治主题活动, 推动1000家中小企业上云用数
    if after[:1] >= "\u4e00" and _place_after_creation(before):
        return _REACH_FROM_VALUE  # 完成城东片区12个老旧小区雨污分流
    # The rules below read the clause before the value without its leading words (到2025年,
    # 全州, 力争 …): where it starts is found once, and only by the rules that read it.
    offset = None
    if after in ("", *words["approximately_after"]):
        offset = _clause_start(before)
        if _opens_with_creation(before, offset):
            return _REACH_OBJECT  # 新建村级综合服务站20个
    if before[:1] == "、" and before[1:2] >= "\u4e00" and after[:1] in ("", "、"):
        return _REACH  # the next count of a list whose first was a target: …、步道200公里
    if after[:1] == "、":
        offset = _clause_start(before)
        if _opens_with_creation(before, offset) or _counts_an_object(before, offset):
            # the first of counts listed under one verb: 新建改建体育公园5个、健身步道200公里
            # (tests/parsing/documents d32), 储备抗旱设备200台、应急水泵50套 (fixture
            # styles/nongye_circled.txt)
            return _REACH_OBJECT
    if after == "" and _counts_an_object(before, offset):
        return _REACH  # 淘汰…柴油货车500辆: a count closing its clause
    if (
        (after[:1] >= "\u4e00" or after[:1].isdigit())
        # the clause is one of these words, so before ends with it: most values end here
        and before.endswith(words["beneficiary_before"])
        and _serves(before, offset)
    ):
        return _REACH  # 为200家重点企业配备服务专员
    return None


_MAX_PLACE_NAME = 4  # characters of a place's name before its ending (城东片区, 滨河新区)


def _place_after_creation(before: str) -> bool:
    """Whether ``before`` ends with a creation verb and a short place phrase (targets.toml
    place_endings): "完成城东片区", the count after it counting the object that follows."""
    words = _vocab()["targets"]
    ending = _ends_with(before, words["place_endings"])
    if ending is None:
        return False
    name_end = len(before) - len(ending)
    for start in range(name_end - 1, max(-1, name_end - _MAX_PLACE_NAME - 1), -1):
        if before[start] < "\u4e00":
            return False  # (a name of Chinese characters only)
        if before.endswith(words["creation_verbs"], 0, start):
            # (not a whole jurisdiction, a leading word: "完成全县32条河流、6座湖库…划界成果
            # 复核" counts no object: d48's gold)
            return before[start:] not in words["leading_words"]
    return False


def _clause_start(before: str) -> int:
    """Where the clause before a value starts once its leading words are skipped."""
    return _quote_start(before, 0, len(before), _REACH)


def _counts_an_object(before: str, offset: int | None = None) -> bool:
    """Whether a value closing its clause counts what the clause acts on: the clause (its
    deadline and scope words aside) states an action and its object, "淘汰…柴油货车500辆",
    "2024年新改建农村户厕3000户" (fixtures styles/daqi_br.html and xianyu_fengong.txt).
    Not a description ("全县共有村156个"), and not a bare verb whose object comes later
    ("培育建立3—5个", corpus 065). ``offset``: ``_clause_start(before)``, if found."""
    words = _vocab()["targets"]
    clause = before[_clause_start(before) if offset is None else offset :]
    if not clause or clause[0] < "\u4e00":
        return False
    rest = clause
    while verb := _starts_with(rest, words["creation_verbs"]):
        rest = rest[len(verb) :]
    if serving := _starts_with(clause, words["beneficiary_before"]):
        # 为 opening the clause is "for", as 对 and 向 are, not the copula of a description
        # (为外贸企业新增授信50亿元, d76; 为小微企业发放创业担保贷款3亿元, fixture
        # styles/jinrong_beneficiary.txt): the clause acts for whom it names
        clause = clause[len(serving) :]
    for compound in words["not_descriptive"]:  # 公共 holds 共 and describes nothing
        if compound in clause:
            clause = clause.replace(compound, "")
    return bool(rest) and not any(word in clause for word in words["descriptive_words"])


def _serves(before: str, offset: int | None = None) -> bool:
    """Whether the clause before a value is only 为/对/向: the value counts whom the clause's
    verb serves (为200家重点企业配备服务专员, d10; 为300名返乡创业人员提供创业指导, d17)."""
    clause = before[_clause_start(before) if offset is None else offset :]
    return clause in _vocab()["targets"]["beneficiary_before"]


def _opens_with_creation(clause: str, offset: int | None = None) -> bool:
    """Whether a clause is "creation verb + object" (the value that follows counts it);
    a short scope may stand before the verb: 城镇新增就业3000人. ``offset``:
    ``_clause_start(clause)``, if found."""
    verbs = _vocab()["targets"]["creation_verbs"]
    offset = _clause_start(clause) if offset is None else offset
    verb = None
    for scope in range(offset, min(offset + _MAX_SCOPE, len(clause)) + 1):
        verb = _starts_with(clause, verbs, scope)
        if verb:
            offset = scope
            break
    if verb is None or _ends_with(clause, verbs):
        return False  # "培育建立3—5个" names no object: nothing is counted
    return offset + len(verb) < len(clause)


def _is_past(sentence: str, has_deadline: bool) -> bool:
    """A sentence reporting results already achieved (2018年以来…下降22%)."""
    return _past_from(sentence, has_deadline) is not None


def _past_from(sentence: str, has_deadline: bool) -> int | None:
    """Where a sentence starts reporting results already achieved: 0 when it does as a
    whole (2018年以来…下降22%), the offset of its first 取得 when only that verb marks it,
    None when it reports none. 取得 is also what is acquired (证件, 资格): it marks a value
    only in the value's clause or before it (_Context.is_past), so "配备执法人员不少于8名，
    全部取得行政执法证件" keeps its target (fixtures styles/zhifa_qude.txt and
    rencai_qude.txt), where "取得显著成效，…下降22%" reports a result."""
    # (what every past marker holds is looked for first, by memchr: most sentences hold
    # none, and the pattern tests a set of first characters at every character)
    acquired = None
    if any(map(sentence.__contains__, _past_gate())):
        for found in _past_pattern().finditer(sentence):
            if (
                _aimed_ahead(sentence, found)
                or _names_whom_a_bound_counts(sentence, found)
                or _counts_who_acquire(sentence, found)
            ):
                continue
            if found[0] not in _vocab()["targets"]["goal_verbs_past"]:
                return 0  # one of the past markers
            if acquired is None:
                acquired = found.start()
    if "同比" in sentence and _measured_year_on_year(sentence):
        return 0
    if not has_deadline and _reports_a_change(sentence):
        return 0
    return acquired


def _aimed_ahead(sentence: str, marker: re.Match[str]) -> bool:
    """Whether a past marker that is also the verb of a goal (取得) follows a deadline ahead
    or a word stating what is to be done (到2025年，…覆盖率达到100%，…建设取得重大进展: the
    sentence sets goals; tests/parsing/documents d89 and d91, targets.toml goal_verbs_past)."""
    if marker[0] not in _vocab()["targets"]["goal_verbs_past"]:
        return False
    before = sentence[: marker.start()]
    return any(word in before for word in _vocab()["targets"]["year_on_year_future"])


def _counts_who_acquire(sentence: str, marker: re.Match[str]) -> bool:
    """Whether a 取得 (goal_verbs_past) follows a word counting those who acquire: "新增取得
    职业技能等级证书人员1200人" is a goal to reach (round 29: tests/parsing/documents d309,
    fixture styles/xinzeng_qude.txt; targets.toml acquirer_counts)."""
    if marker[0] not in _vocab()["targets"]["goal_verbs_past"]:
        return False
    return sentence.endswith(tuple(_vocab()["targets"]["acquirer_counts"]), 0, marker.start())


def _names_whom_a_bound_counts(sentence: str, marker: re.Match[str]) -> bool:
    """Whether a 取得 (goal_verbs_past) opens a 取得…的 phrase naming whom a count bound of
    its clause counts ("其中取得职业技能等级证书的不少于800人", "取得法律职业资格的达到50人
    以上"): a qualifier of what is counted, no result reported (round 24 leftovers: fixtures
    styles/qude_zhengshu.txt and styles/qude_zige.txt). "取得明显的阶段性成效" states no
    bound and stays a result."""
    if marker[0] not in _vocab()["targets"]["goal_verbs_past"]:
        return False
    start, end = marker.end(), len(sentence)
    for stop in "。,;":  # (the clause's end)
        at = sentence.find(stop, start, end)
        end = end if at < 0 else at
    of = sentence.find("的", start, end)
    if of < 0:
        return False
    rest = sentence[of + 1 : end]
    words = _vocab()["targets"]
    return any(word in rest for word in (*words["at_least_before"], *words["at_least_after"]))


def _measured_year_on_year(sentence: str) -> bool:
    """同比 reports a result when the sentence names the period measured before it
    (2023年，全县电信网络诈骗发案数同比下降18%) and states nothing to be done before it
    (确保全年…同比下降15%以上, 到2025年…); without a period it is a measure's target
    (发案数同比下降10%: tests/parsing/documents d59; fixture styles/fanzha_tongbi.txt)."""
    before = sentence[: sentence.find("同比")]
    if ("年" not in before or _YEAR_NIAN.search(before) is None) and not _months_measured(before):
        return False
    return not any(word in before for word in _vocab()["targets"]["year_on_year_future"])


def _reports_a_change(sentence: str) -> bool:
    """A change against a base (较2020年下降15%, 比上年增长5%) is a result already
    achieved only when the sentence names the period it was measured in before the base
    (2019-2020年秋冬季…较2017-2018年秋冬季下降22%: corpus 079, which 以来 also marks).
    Without one, a plan states it as a target to reach by the measure's deadline
    (tests/parsing/documents d48 较2020年下降15% under 具体措施, fixture
    styles/jieshui_compared.txt 比2020年下降16%, 较上年提高2个百分点)."""
    bases = _vocab()["targets"]["comparison_bases"]  # (one of them opens every match)
    found = (
        _compiled().compared.search(sentence) if any(map(sentence.__contains__, bases)) else None
    )
    if found is None:
        return False
    before = sentence[: found.start()]
    if "年" in before and _YEAR_NIAN.search(before) is not None:
        return True
    return _months_measured(before) and not any(
        word in before for word in _vocab()["targets"]["year_on_year_future"]
    )


def _months_measured(before: str) -> bool:
    """Whether a clause before a change names a part of the year already measured, as a
    statistical review dates its figures: months counted from January (1—10月，1至9月，),
    上半年，, 前三季度，, 一季度，, each closing its own clause. "1—10月，全市PM2.5平均浓度同比下降
    12%" and "1—9月，…较上年同期增长18%" report results, where "11—12月，组织开展…，…同比下降5%"
    (a period to come) and "确保上半年…" state targets (fixtures styles/daqi_review.txt and
    gongye_review.txt; targets.toml measured_parts)."""
    if "月" not in before and "季" not in before and "半年" not in before:
        return False
    return _months_measured_pattern().search(before) is not None


@lru_cache(maxsize=1)
def _months_measured_pattern() -> re.Pattern[str]:
    parts = "|".join(map(re.escape, _vocab()["targets"]["measured_parts"]))
    # months from January (1-10月, 一至九月: folded dashes), not 11-12月
    months = r"(?<![0-9])(?:1|一)(?:-|至|~)(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月份?"
    return re.compile(rf"(?:{months}|{parts}),")


@lru_cache(maxsize=1)
def _past_pattern() -> re.Pattern[str]:
    return re.compile(_any("targets", "past_markers"))


@lru_cache(maxsize=1)
def _past_gate() -> tuple[str, ...]:
    """What each past marker holds: 已 for those holding it (已经, 已完成 …), the others
    whole (以来, 取得): a sentence holding none of these holds no past marker."""
    markers = _vocab()["targets"]["past_markers"]
    return tuple(sorted({"已" if "已" in word else word for word in markers}))


def _per(before: str) -> str | None:
    """The denominator of a per-capita target: 每万人…2.3人 -> 万人."""
    if "每" not in before:
        return None
    found = _compiled().per.search(before)
    return found["per"] if found else None


@lru_cache(maxsize=2)
def _leading_words(with_creation_verbs: bool) -> tuple[str, ...]:
    words = _vocab()["targets"]
    leading = words["leading_words"] + (words["creation_verbs"] if with_creation_verbs else ())
    return tuple(sorted(leading, key=len, reverse=True))


_ORDINAL_OPENERS = "一二三四五六七八九十"
_ORDINAL = re.compile(rf"[{_ORDINAL_OPENERS}]{{1,3}}是(?=[\u4e00-\u9fff])")
# A sub-point's number opening a clause (folded: （1） is (1)): no part of a quote.
_SUBPOINT = re.compile(r"\(\d{1,2}\)")


@lru_cache(maxsize=1)
def _quote_openers() -> tuple[frozenset[str], frozenset[str]]:
    """(the characters a step of _quote_start can move from: an ordinal's, a deadline's, a
    leading word's, an enclosing mark's, a blank or comma; those a deadline opens with)."""
    vocab = _vocab()
    years = {word[0] for word in vocab["deadlines"]["before"]} | {"1", "2"}  # _year_pattern
    words = [*_leading_words(True), *(pair[0] for pair in vocab["targets"]["enclosing_quotes"])]
    openers = {*_ORDINAL_OPENERS, *years, *(word[0] for word in words), ",", " ", "("}
    return frozenset(openers), frozenset(years)


def _quote_start(folded: str, start: int, end: int, cue: _Cue) -> int:
    """Skip the leading 到2025年 / 全州 / 实现 / 力争 of a quote (and 创建 of 创建X…2个以上)."""
    leading = _leading_words(cue.object_counted)
    openers, year_openers = _quote_openers()
    while start < end and folded[start] in _INDENT_BLANKS:
        start += 1  # a paragraph's indentation, read as printed (_opens_clause)
    moved = True
    while moved and start < end:
        # (each step below moves only from a character it can open with: a clause opening
        # with none of them, most of those read, is answered without a call)
        if folded[start] not in openers:
            break
        moved = False
        if folded[start] in _ORDINAL_OPENERS:
            ordinal = _ORDINAL.match(folded, start, end)
            if ordinal:  # 一是开展职业技能培训5000人次 (d17; d09 一是/二是 inside a measure)
                start, moved = ordinal.end(), True
        if folded[start] == "(":
            point = _SUBPOINT.match(folded, start, end)
            if point:  # （1）新建改建…1500户 (round 18: d220; d26 （1）新建…4个)
                start, moved = point.end(), True
        if start < end and folded[start] in year_openers:
            deadline = _year_pattern().match(folded, start, end)
            if deadline:
                start, moved = deadline.end(), True
        word = _starts_with(folded, leading, start)
        if word:
            start, moved = start + len(word), True
        while start < end and folded[start] in ", ":
            start += 1
        if start < end and _encloses(folded, start, end):
            start, moved = start + 1, True
    return min(start, end)


@lru_cache(maxsize=1)
def _enclosing_quotes() -> dict[str, str]:
    return {pair[0]: pair[1] for pair in _vocab()["targets"]["enclosing_quotes"]}


def _encloses(folded: str, start: int, end: int) -> bool:
    """Whether the quote opens with a mark whose closing mark it does not hold: the mark
    encloses the whole item, not a name inside the quote (_quote_start)."""
    closing = _enclosing_quotes().get(folded[start])
    return closing is not None and folded.find(closing, start + 1, end) < 0


class _computed_once:
    """A property computed on first use and then kept as a plain attribute of the instance
    (functools.cached_property without its lock): most measures need only some of them,
    and those are read many times."""

    def __init__(self, compute) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, instance, owner=None):
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


class _Context:
    """What find_targets needs to know about the whole text, computed once."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self._past: dict[int, int | None] = {}
        # No value of the text starts before this (analyse's search found the first).
        self.values_from = 0

    @_computed_once
    def _ends(self) -> tuple[list[int], list[str]]:
        """Every clause end (their positions, their characters), found once: sentence and
        scope ends are among them. The text is split at them (a piece and the end after
        it alternate; each end is one character), and their positions are the lengths of
        what stands before them summed, in C: no match object is made for each end, as a
        search's matches would be (a measure has dozens)."""
        parts = _clause_splitter().split(self.folded)
        return list(accumulate(map(len, parts[:-1])))[::2], parts[1::2]

    @_computed_once
    def clauses(self) -> _Boundaries:
        return _Boundaries(self.folded, _CLAUSE_ENDS, self._ends)

    @_computed_once
    def sentences(self) -> _Boundaries:
        return _Boundaries(self.folded, _SENTENCE_ENDS, self._ends)

    @_computed_once
    def scopes(self) -> _Boundaries:
        return _Boundaries(self.folded, _SCOPE_ENDS, self._ends)

    @_computed_once
    def marker_matches(self) -> list[re.Match[str]]:
        return _markers(self.folded)

    @_computed_once
    def markers(self) -> list[int]:
        return [m.start() for m in self.marker_matches]

    @_computed_once
    def deadlines(self) -> list[_Deadline]:
        return _deadlines_of(self.folded)

    @_computed_once
    def deadline_starts(self) -> list[int]:
        return [d.start for d in self.deadlines]

    @_computed_once
    def quota_markers(self) -> list[int]:
        """The markers that set a quota per period (每年, 每季度), not 定期 (periodically),
        which names no period: "定期开展…评估，…完成率达到100%" states a target after it
        (tests/parsing/documents d05 and d07)."""
        no_quota = set(_vocab()["recurring"]["no_quota"])
        return [m.start() for m in self.marker_matches if m.group() not in no_quota]

    def in_quota(self, pos: int) -> bool:
        """Whether a recurring marker governs ``pos``: 每年…不少于15部 is a duty."""
        quota = self.quota_markers  # most measures set none: no scope ends are looked up
        return bool(quota) and _any_between(quota, self.scopes.start(pos), pos)

    def year(self, pos: int, sentence: tuple[int, int]) -> int | None:
        """The nearest deadline year before ``pos`` in its sentence (``sentences.span(pos)``),
        else the first after it."""
        start, end = sentence
        starts = self.deadline_starts
        i = bisect_left(starts, pos)
        if i and starts[i - 1] >= start:
            return self.deadlines[i - 1].year
        if i < len(starts) and starts[i] < end and not self._part_between(pos, starts[i]):
            return self.deadlines[i].year
        return None

    def _part_between(self, pos: int, year_at: int) -> bool:
        """Whether a clause giving a year's part of a total (其中2024年完成100公里) opens
        between a value and the year after it: that year is the part's, not the total's."""
        openers = _vocab()["targets"]["part_openers"]
        return any(self.folded.find(word, pos, year_at) >= 0 for word in openers)

    def is_past(self, sentence: tuple[int, int], has_deadline: bool, clause_end: int) -> bool:
        """Whether the sentence (``sentences.span(pos)``) reports results already achieved
        for a value whose clause ends at ``clause_end`` (asked once per sentence: a 取得
        marks only values whose clause reaches it, _past_from)."""
        start, end = sentence
        if start in self._past:
            past_from = self._past[start]
        else:
            past_from = self._past[start] = _past_from(self.folded[start:end], has_deadline)
        return past_from is not None and clause_end > start + past_from


def _deadlines_of(folded: str) -> list[_Deadline]:
    """The year deadlines of a text (_Context.deadlines)."""
    # Every deadline names a year: most measures name none, and this pattern (opening
    # with its digit) finds that faster than the deadline pattern tried everywhere;
    # a text without 年 (found by memchr) is not searched at all.
    year = _YEAR_NIAN.search(folded) if "年" in folded else None
    return [] if year is None else _year_deadlines(folded, year)


@dataclass
class Findings:
    targets: list[Target]
    recurring: list[str]
    deadline: str | None


def analyse(text: str, folded: str | None = None) -> Findings:
    """Targets, recurring duties and the deadline of one text, sharing one analysis of it
    (``folded``: ``fold(text)`` when the caller has it)."""
    folded = fold(text) if folded is None else folded
    # (the first value found, if any, is where find_targets' search for values resumes)
    first = _value_pattern().search(folded)
    if first is None and not _may_hold_marker_or_date(folded):
        return Findings([], [], None)  # _may_state_anything
    context = _Context(folded)
    context.values_from = len(folded) if first is None else first.start()
    # (read by find_recurring and find_deadline of every text analysed: made here, without
    # the first use's call through _computed_once)
    context.marker_matches = _markers(folded)
    context.deadlines = _deadlines_of(folded)
    # A text without a value states no target: find_targets' loop finds none, and a year's
    # value (_year_series) is a value the search would have found (its number after 年 or a
    # series verb, then a counter), so its series is empty too: a text that gets this far
    # without one (a date or a recurring marker: seed 000's 10 of its 58 measures without a
    # value, seed 001's 2 of 74) skips the call and the series' count of 年.
    targets = [] if first is None else find_targets(text, context)
    return Findings(targets, find_recurring(text, context), find_deadline(text, context))


def _may_state_anything(folded: str) -> bool:
    """Whether a text holds what a target, a recurring duty or a deadline needs: a value, a
    recurring marker, a year with 年, 月 or a year's end. Most measures of a plan hold none
    and are answered by these searches alone, without the analysis's objects."""
    return bool(_value_pattern().search(folded) or _may_hold_marker_or_date(folded))


def _may_hold_marker_or_date(folded: str) -> bool:
    """``_marker_or_date_pattern().search(folded)``, searched only in a text holding what
    each of its words holds (_marker_or_date_gate, by memchr): the pattern tests a set of
    first characters at every character, and most measures without a value hold none
    (seed 000: 42 of 58, seed 001: 60 of 74)."""
    return (
        any(map(folded.__contains__, _marker_or_date_gate()))
        and _marker_or_date_pattern().search(folded) is not None
    )


@lru_cache(maxsize=1)
def _marker_or_date_gate() -> tuple[str, ...]:
    """What each word of _marker_or_date_pattern holds: 年 for a year with 年 and every word
    holding it (年底, 各年度), 每 for the recurring markers holding it, the last character of
    the others (期 of 定期; 月). A character is found by memchr where 定期 was searched at
    about 2 ns a character through the measures holding none of 年, 月 and 每 (43 of seed
    000's 58 measures without a value, 62 of seed 001's 74), and 期 stands in few of those
    (2 and 5; in the corpus, 2 of 23), whose pattern search then answers (speed26)."""
    vocab = _vocab()
    words = [*vocab["recurring"]["markers"], "月", *vocab["deadlines"]["year_end"], "年"]
    return _shortest_first(
        {"年" if "年" in word else "每" if "每" in word else word[-1] for word in words}
    )


@lru_cache(maxsize=1)
def _marker_or_date_pattern() -> re.Pattern[str]:
    """A recurring marker, a year with 年, 月 or a year's end, as one search whose branches
    each open with a literal character (the engine skips to those characters at once; the
    value pattern opens with a character set, which it skips to as well)."""
    vocab = _vocab()
    words = [*vocab["recurring"]["markers"], "月", *vocab["deadlines"]["year_end"]]
    years = [rf"{century}[0-9]{{2}}年" for century in ("19", "20")]  # _YEAR_NIAN
    return re.compile("|".join([*years, *map(re.escape, words)]))


def find_targets(text: str, context: _Context | None = None) -> list[Target]:
    """The quantitative targets stated in ``text`` (a measure or a goal paragraph)."""
    context = context or _Context(fold(text))
    folded = context.folded
    words = _vocab()["targets"]
    targets: list[Target] = []
    previous_end = 0
    for m in _value_pattern().finditer(folded, context.values_from):
        if _never_a_target(m):
            continue
        start, end = m.start(), m.end()
        clauses = context.clauses
        before_start = max(clauses.start(start), previous_end, start - _WINDOW)
        after_end = min(clauses.end(end), end + _WINDOW)
        before, after = folded[before_start:start], folded[end:after_end]
        if _rejected(m, before, after) or (
            context.in_quota(start)
            and not _rate_after_quota(context, m, before)
            and not _own_period_after_quota(context, start)
            and not _count_after_quota(context, m, before, after)
        ):
            continue
        cue = _stated_cue(before, m["num"][0].isascii(), m["unit"], after)
        if cue is None:
            continue
        sentence = context.sentences.span(start)
        year = context.year(start, sentence)
        if context.is_past(sentence, year is not None, clauses.end(end)):
            continue
        comparator = cue.comparator
        tail = (
            _starts_with(after, words["at_least_after"])
            or _starts_with(after, words["approximately_after"])
            or (comparator == "<=" and _starts_with(after, words["at_most_after"]))
        )
        if tail:
            end += len(tail)
            if tail in words["at_least_after"]:
                comparator = ">="
        if m["high"] or (comparator == "=" and _bound_before(before, words["at_least_before"])):
            comparator = ">="  # a range 3—5个 gives its lower bound, 至少 its bound
        previous_end = end
        if end < after_end and folded[end] != "、":
            end = after_end  # the metric follows: 有3名以上“法律明白人”骨干
        quote_start = (
            start if cue.starts_at_value else _quote_start(folded, before_start, start, cue)
        )
        quote_start += folded.startswith("、", quote_start)  # the list's 、 is no part of it
        unit_start = m.start("unit")
        targets.append(  # (quote, value, unit, comparator, year, per: keywords cost more)
            Target(
                text[quote_start:end],
                _value(m["num"]),
                text[unit_start : unit_start + len(m["unit"])],
                comparator,
                year,
                _per(before),
            )
        )
    if folded.count("年") > 1:
        targets = _year_series(targets, text, folded)
    if targets and any(map(folded.__contains__, words["part_openers"])):
        targets = _year_parts(targets, text, folded)
        targets = _place_parts(targets, text, folded)
    return targets


_SENTENCE_REACH = 200  # characters of a year series' sentence on either side


# a rate's value, or its change (评查合格率同比提高5个百分点 after 每年…开展一次集中评查: round 10,
# tests/parsing/documents d77; fixture styles/zhenggai_wenti.txt)
_RATE_UNITS = ("%", "个百分点")


def _rate_after_quota(context: _Context, m: re.Match[str], before: str) -> bool:
    """A rate in a clause after the per-period duty's own (每月开展一次…排查，重大矛盾纠纷化解率达到
    95%以上: d59; fixture styles/pingan_rate.txt), or its change, is a state to reach, no
    quota per period, as after 定期 (quota_markers); in the duty's clause (每年覆盖率提高5%)
    it is the quota."""
    if m["unit"] not in _RATE_UNITS or "率" not in before:
        return False
    return not _any_between(context.quota_markers, context.clauses.start(m.start()), m.start())


def _own_period_after_quota(context: _Context, start: int) -> bool:
    """A clause opening with its own period (全年…, 年内…) after the per-period duty's clause
    states a target of that period: the duty's quota governs it no more (targets.toml
    recurring.own_period)."""
    clause = context.clauses.start(start)
    own = tuple(_vocab()["recurring"]["own_period"])
    return context.folded.startswith(own, clause) and not _any_between(
        context.quota_markers, clause, start
    )


def _count_after_quota(context: _Context, m: re.Match[str], before: str, after: str) -> bool:
    """A bare count in a clause after the per-period duty's own is a total to reach
    (每季度举办一次直播电商培训，培育电商带头人100名: tests/parsing/documents d374;
    每年选派骨干教师…轮岗，补充紧缺学科教师60名: d378). A quota per period is a floor or a
    ceiling (评查案卷不少于200卷: d210; 办理公益诉讼案件20件以上: d156; 培训…5000人次以上: d13),
    or sits in the duty's clause (每月至少推送普法作品4期: d78)."""
    if m["unit"] in _RATE_UNITS:
        return False  # a rate after the duty: _rate_after_quota
    if _any_between(context.quota_markers, context.clauses.start(m.start()), m.start()):
        return False
    words = _vocab()["targets"]
    bounds = words["at_least_before"] + words["at_most_before"]
    return not (
        any(map(before.__contains__, bounds))
        or after.startswith(words["at_least_after"] + words["at_most_after"])
    )


@lru_cache(maxsize=1)
def _year_value() -> re.Pattern[str]:
    """A year and the value printed right after it (a series verb between): 2024年完成40%."""
    # It opens with the literal 年, which the engine skips to at once; the year is read by
    # the lookbehind (a pattern opening with a lookbehind is tried at every character).
    return re.compile(rf"年(?<=(?<![0-9])(?P<year>{_YEAR})年)" + _value_after_year())


def _value_after_year() -> str:
    """What follows a year's 年 in a year's value: a series verb perhaps, the value, its
    counter, an at-least word perhaps (_year_value, _year_part)."""
    unit = rf"(?:{_any('numbers', 'magnitudes')})?(?:{_any('numbers', 'units')})"
    return (
        rf"(?:{_any('targets', 'year_series_verbs')})?"
        rf"(?P<num>{_NUMBER})(?P<unit>{unit})(?P<tail>{_any('targets', 'at_least_after')})?"
    )


def _year_series(targets: list[Target], text: str, folded: str) -> list[Target]:
    """Each value of a series of years in one sentence, all of one counter, is the target of
    its year (targets.toml year_series_verbs; d58, fixture styles/shuiwu_capacity.txt):
    a value found already takes its year, one the clause rules left out (no metric of its
    own: 2025年完成80%) is added; not in a sentence of results already achieved."""
    threshold = _vocab()["targets"]["threshold_after"]
    found = [
        m
        for m in _year_value().finditer(folded)
        if not _never_a_target(m)
        # 2022年完成1千人以上的…安置点…，2023年实现1千人以下的…: the value qualifies a noun
        # (seed 000, measure 44), it states no target
        and not folded.startswith(threshold, m.end("unit"))
        and not folded.startswith("的", m.end())
    ]
    if len(found) < 2:
        return targets
    series: dict[int, re.Match[str]] = {}  # by start, in the text's order
    for first, second in itertools.pairwise(found):
        between = folded[first.end() : second.start()]
        if first["unit"] == second["unit"] and not any(c in between for c in "。;\n"):
            series.setdefault(first.start(), first)
            series.setdefault(second.start(), second)
    out = list(targets)
    # the targets found already, by value and counter, each taken once in the text's order
    unclaimed: dict[tuple[float, str], list[int]] = {}
    for i, target in reversed(list(enumerate(out))):
        unclaimed.setdefault((target.value, target.unit), []).append(i)
    for m in series.values():
        # (its sentence within a reach: a search to the text's edge per value would make
        # the work grow with the square of a text without 。)
        reach = max(0, m.start() - _SENTENCE_REACH)
        start = max(folded.rfind("。", reach, m.start()) + 1, reach)
        end = folded.find("。", m.end(), m.end() + _SENTENCE_REACH)
        if _is_past(folded[start : m.end() + _SENTENCE_REACH if end < 0 else end], True):
            continue  # 2021年以来…: results already achieved
        value, unit = _value(m["num"]), text[m.start("unit") : m.end("unit")]
        known = unclaimed.get((value, unit))
        if known:
            i = known.pop()
            out[i] = replace(out[i], year=int(m["year"]))
        else:
            out.append(_year_target(m, text, value, unit))
    return out


@lru_cache(maxsize=1)
def _year_part() -> re.Pattern[str]:
    """A clause giving a year's part of a total: 其中, a year, a series verb perhaps, a value."""
    return re.compile(
        rf"(?:{_any('targets', 'part_openers')})(?P<year>{_YEAR})年" + _value_after_year()
    )


def _year_parts(targets: list[Target], text: str, folded: str) -> list[Target]:
    """A year's part of a total (其中2024年完成100公里 after 新改建农村公路300公里: targets.toml
    part_openers) is that year's target, when a target of its counter was read."""
    out = list(targets)
    for m in _year_part().finditer(folded):
        unit = text[m.start("unit") : m.end("unit")]
        value = _value(m["num"])
        if not any(t.unit == unit for t in targets) or any(
            t.value == value and t.unit == unit for t in out
        ):
            continue  # (no total of its counter, or read already)
        out.append(_year_target(m, text, value, unit))
    return out


@lru_cache(maxsize=1)
def _place_part() -> re.Pattern[str]:
    """One place's part of a total (targets.toml part_places): the place, a verb perhaps,
    the value and its counter, an at-least word perhaps."""
    unit = rf"(?:{_any('numbers', 'magnitudes')})?(?:{_any('numbers', 'units')})"
    return re.compile(
        rf"[\u4e00-\u9fff]{{1,8}}?(?:{_any('targets', 'part_places')})[\u4e00-\u9fff]{{0,4}}?"
        rf"(?P<num>{_NUMBER})(?P<unit>{unit})(?P<tail>{_any('targets', 'at_least_after')})?"
    )


def _place_parts(targets: list[Target], text: str, folded: str) -> list[Target]:
    """The places' parts listed after 其中 (其中城东街道改造1480户、城西街道改造1120户), each a
    target of the year of the total of its counter read before it (targets.toml part_places)."""
    out = list(targets)
    for opener in _vocab()["targets"]["part_openers"]:
        at = folded.find(opener)
        while at >= 0:
            pos = at + len(opener)
            while (m := _place_part().match(folded, pos)) is not None:
                _add_part(out, targets, m, text, at)
                pos = m.end() + 1
                if folded[m.end() : pos] != "、":
                    break
            at = folded.find(opener, pos)
    return out


def _add_part(out: list[Target], totals: list[Target], m: re.Match[str], text: str, at: int):
    unit = text[m.start("unit") : m.end("unit")]
    value = _value(m["num"])
    total = next((t for t in totals if t.unit == unit), None)
    if total is None or m.start() < at or any(t.value == value and t.unit == unit for t in out):
        return  # (no total of its counter, or read already)
    out.append(
        Target(
            quote=text[m.start() : m.end()],
            value=value,
            unit=unit,
            comparator=">=" if m["tail"] else "=",
            year=total.year,
        )
    )


def _year_target(m: re.Match[str], text: str, value: float, unit: str) -> Target:
    """The target a year's value states (_year_series, _year_parts): quoted from its year."""
    return Target(
        quote=text[m.start("year") : m.end()],
        value=value,
        unit=unit,
        comparator=">=" if m["tail"] else "=",
        year=int(m["year"]),
    )


def paces() -> tuple[str, ...]:
    """Paces and spans printed where a deadline goes (长期坚持, 全年), longest first."""
    return _vocab()["deadlines"]["paces"]
