"""The text as the metadata rules see it, and the way back to the printed characters.

Rules match on a *view*: the folded text (``normalize.fold``: full-width forms, dashes,
traditional characters) with pinyin inserts such as ``設(shè)`` taken out, so that
``建設(shè)`` matches ``建设``. The view keeps, for each of its characters, where it sits in
the source, so every string the rules return is cut from the source as printed.
"""

from __future__ import annotations

import itertools
import operator
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from taizhang.parsing.metadata.vocabulary import alternation, vocabulary
from taizhang.parsing.normalize import fold

# A reading in brackets with at least one tone mark, as some sites print after each word.
_PINYIN_INSERT = re.compile(r"\([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}\)")

# Indentation, bullets and dashes in front of a line's content.
_LINE_LEAD = " \t\u3000\u2002\u2003•·●▪◆■□-"
# Trailing blanks, and the cell separators of a page table flattened into text.
_LINE_TAIL = " \t\u3000|"

# The body's first chapter or section heading, "一、" or "(一)": the front matter ends there.
# A numbered heading of the plan's body: 一、 (一) or a decimal outline's "3　保障措施" /
# "2.1　…" (tests/parsing/documents d03 and fixtures styles/wuran_outline.txt).
CHAPTER_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|\(\s*[一二三四五六七八九十]{1,3}\s*\)"
    r"|\d{1,2}(?:\.\d{1,2}){0,2}[ \t\u3000]+\S)"
)
# Sentence punctuation and page separators: a line holding one is prose or a page caption,
# not a heading.
PROSE_MARK = re.compile(r"[,。;!?|>»]")
# A document title in book-title marks, its content in group 1.
BOOK_TITLE = re.compile(r"《([^《》\n]{2,120})》")

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class View:
    """Folded text without pinyin inserts, and where each of its characters sits in the source.

    The view is the source with the inserts cut out: kept segment k starts at view offset
    ``view_starts[k]`` and source offset ``source_starts[k]``, so an offset maps across by
    bisection (no table of every character)."""

    text: str
    source: str
    folded: str  # fold(source), inserts still in
    view_starts: tuple[int, ...]
    source_starts: tuple[int, ...]

    @classmethod
    def of(cls, source: str, folded: str | None = None) -> View:
        """The view of ``source`` (``folded``: ``fold(source)`` when the caller has it)."""
        folded = fold(source) if folded is None else folded
        pieces: list[str] = []
        view_starts, source_starts = [0], [0]
        kept_from = 0
        for insert in _PINYIN_INSERT.finditer(folded):
            pieces.append(folded[kept_from : insert.start()])
            kept_from = insert.end()
            view_starts.append(view_starts[-1] + len(pieces[-1]))
            source_starts.append(kept_from)
        if not pieces:  # no inserts (most texts): the view is the folded text itself
            return cls(folded, source, folded, (0,), (0,))
        pieces.append(folded[kept_from:])
        return cls("".join(pieces), source, folded, tuple(view_starts), tuple(source_starts))

    def _source(self, view_offset: int) -> int:
        """The source offset of the view character at ``view_offset``."""
        k = bisect_right(self.view_starts, view_offset) - 1
        return self.source_starts[k] + view_offset - self.view_starts[k]

    def at_source(self, source_offset: int) -> int:
        """The view offset of a source offset (of the first character kept at or after it)."""
        k = bisect_right(self.source_starts, source_offset) - 1
        segment_end = (
            self.source_starts[k] + self.view_starts[k + 1] - self.view_starts[k]
            if k + 1 < len(self.view_starts)
            else len(self.folded)
        )
        if source_offset < segment_end:
            return self.view_starts[k] + source_offset - self.source_starts[k]
        return self.view_starts[k + 1] if k + 1 < len(self.view_starts) else len(self.text)

    def original(self, start: int, end: int) -> str:
        """The source characters behind view[start:end], inserts included."""
        if end <= start:
            return ""
        stop = self._source(end - 1) + 1
        # The last character's reading belongs to it, so it is printed too.
        insert = _PINYIN_INSERT.match(self.folded, stop)
        return self.source[self._source(start) : insert.end() if insert else stop]


class Line(NamedTuple):
    """A line's content without its indentation, bullets and trailing blanks (a named
    tuple: a document has thousands, made in one pass)."""

    start: int  # view offsets of the content
    end: int
    text: str


# A bullet opens an item of a page's field list (发布机构: / 成文日期: / the date on the
# next item), as seed 000 and corpus 077 print them; where a copy lost the line breaks
# ("…• 成文日期:• 2022-09-21• 文 号:"), each bullet still starts a line of its own.
_BULLET = "•"
_BULLETS = itertools.repeat(_BULLET)


class Lines(Sequence[Line]):
    """The lines of a view as two lists, each line's start and text (its end is the start
    plus the text's length): a Sequence of Line.

    A document has hundreds of lines, and making a Line of each cost as much as the rest of
    the split: the rules that look at every line read the texts, or find their places in
    the view by str.find and the line by bisection of the starts, and a Line is made only
    for a line a rule reads."""

    __slots__ = ("_ending_like_a_date", "starts", "texts")

    def __init__(self, starts: list[int], texts: list[str]) -> None:
        self.starts, self.texts = starts, texts  # each line ends at its start plus its length
        self._ending_like_a_date: list[int] | None = None

    @classmethod
    def of(cls, lines: list[Line]) -> Lines:
        return cls([line.start for line in lines], [line.text for line in lines])

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):  # an int: a Line; a slice: a list of them
        if isinstance(i, slice):
            starts, texts = self.starts[i], self.texts[i]
            ends = map(operator.add, starts, map(len, texts))
            fields = zip(starts, ends, texts, strict=False)  # (all as long)
            return list(map(tuple.__new__, itertools.repeat(Line), fields))
        text = self.texts[i]
        return tuple.__new__(Line, (self.starts[i], self.starts[i] + len(text), text))

    def __iter__(self):
        return iter(self[:])

    def holding(self, char: str, view_text: str) -> list[int]:
        """The lines holding ``char``, in order: one character is found in the view's text
        by str.find (in C) much faster than each line is asked."""
        found, at = [], view_text.find(char)
        while at >= 0:
            i = bisect_right(self.starts, at) - 1
            if i >= 0 and (not found or found[-1] != i) and char in self.texts[i]:
                found.append(i)
            at = view_text.find(char, at + 1)
        return found

    def ending_like_a_date(self) -> list[int]:
        """The lines whose text ends with 日 or a digit, as every date form does (the first
        test of a signature's date line), in order; found once for every rule asking. Each
        line's last character is read and tested in C (a loop in Python over every line
        cost about 60 bytecodes a line: test_passes.py compares both)."""
        if self._ending_like_a_date is None:
            ends = list(map(_LAST_CHARACTER, self.texts))  # "" for an empty line
            days = map(operator.eq, ends, itertools.repeat("日"))
            dated = map(operator.or_, days, map(str.isdigit, ends))
            self._ending_like_a_date = list(itertools.compress(itertools.count(), dated))
        return self._ending_like_a_date


_LAST_CHARACTER = operator.itemgetter(slice(-1, None))


def split_lines(view: View) -> Lines:
    """The lines of the view: at line breaks, and at bullets inside a line."""
    raws = view.text.split("\n")
    kept = list(map(str.lstrip, raws, itertools.repeat(_LINE_LEAD)))
    texts = list(map(str.rstrip, kept, itertools.repeat(_LINE_TAIL)))
    # a raw line ends at the sum of the lengths up to it, plus a break after each before it
    raw_ends = list(map(operator.add, itertools.accumulate(map(len, raws)), itertools.count()))
    starts = list(map(operator.sub, raw_ends, map(len, kept)))
    one_line = len(texts) == 1 or (len(texts) == 2 and not texts[1])
    if _BULLET in view.text:
        bulleted = itertools.compress(itertools.count(), map(operator.contains, kept, _BULLETS))
        for i in reversed(list(bulleted)):  # from the end: each splice moves those after it
            pieces = _bulleted(raws[i], raw_ends[i] - len(raws[i]))
            starts[i : i + 1] = [piece.start for piece in pieces]
            texts[i : i + 1] = [piece.text for piece in pieces]
    if one_line:
        return _signed_run_in(Lines(starts, texts), len(texts) - len(raws))
    return Lines(starts, texts)


def _signed_run_in(lines: Lines, last: int) -> Lines:
    """A copy printed run-in, its signatures cut into lines of their own in ``lines[last]``,
    the one line's last piece: all of it, or what follows its last bullet when page fields
    bulleted on the same line came before it ("…• 所属单位:…办事处…关于印发《…》的通知…现印发给
    你们，请认真抓好贯彻落实。…委员会2020年8月20日…方案为认真…": round 22, corpus 077 and
    fixture styles/xiangmu_bullets.txt printed run-in)."""
    if last < 0:
        return lines
    whole = lines[last]
    return Lines.of([*lines[:last], *_signature_run_in(whole), *lines[last + 1 :]])


# A signature a copy printed run-in keeps after the last sentence: "…严肃问责。某市安全生产
# 委员会办公室2024年2月26日" (tests/parsing/documents d18 and d19 with their line breaks
# removed; d20 ends its sentences with an ASCII period). Its names and its date become
# lines of their own, as they were printed; the signature reader decides whether the names
# are bodies.
_SIGNATURE_DATE = (
    r"(?P<date>(?:\d{4}|[〇零○0一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日)"
)
# (names never hold a 【】 label: "…【完成时限】2024年底某市…办公室2024年2月22日", d33 and
# fixture styles/shuzi_colonroles.txt printed run-in)
_SIGNATURE_NAMES = r"(?P<names>[^。;,:()\[\]【】]{4,60}?)" + _SIGNATURE_DATE


# A plan that ends with a task table ends with the last row's deadline cell, and a copy
# printed run-in glues the signature to it: "…某铁路货运中心2024年12月底前某市生态环境保护
# 委员会办公室2024年2月28日" (tests/parsing/documents d04 printed run-in, and the 农业 table
# of test_run_in.py, whose last cell is 长期坚持). The names then start after the cell, the
# last place a sentence or a cell ends before the date; they hold no digit, as no body's
# name does (bodies.is_body_name), so they never run back over a cell's date. (Matched,
# not searched: the leading run finds the last such place.)
#
# GB/T 9704 prints an attachment's title (附件：…清单) right above the signature and a note
# in brackets (（此件公开发布）) right under the date, and PDF copies a page number between
# them: "…专项资金。附件：某县…重点项目清单某县人民政府办公室— 3 —2024年4月8日（此件公开发布）"
# (d05 printed run-in, and the 农业 table of test_run_in with an attachment and a note). The
# names start after the attachment's title (its kind word ends it); the page number and the
# note become lines of their own. A notice's contact line above the signature ends with its
# telephone number: "…联系人：县发展改革局　李某某　　联系电话：0736-5512345石门县人民政府办公室
# 2024年6月20日" (round 13: tests/parsing/documents d138 and fixture styles/tiaozheng_tongzhi.txt
# printed run-in); the names start after the number.
# A notice's contact line ends with its telephone number (folded text): a signature after it
# starts after the number, run in here and on its own line in layout._ends_a_paragraph.
CONTACT_TELEPHONE = r"电话:\s*[\d\-]{7,20}"


@lru_cache(maxsize=1)
def _run_in_signature() -> re.Pattern[str]:
    kinds = alternation(vocabulary()["title"]["kinds"])
    return re.compile(
        rf".*(?:[。;)\].]|(?<=[底末日月年])前|长期坚持|持续推进|附件:?[^。;:]{{2,60}}?(?:{kinds})"
        rf"|{CONTACT_TELEPHONE})"
        + _SIGNATURE_NAMES.replace(r"[^。;,:()\[\]【】]", r"[^。;,:()\[\]【】\d]", 1).replace(
            "(?P<date>", r"(?:-\s*\d{1,3}\s*-)?(?P<date>", 1
        )
        + r"(?:\([^()\d]{2,12}\))?$"
    )


# A covering notice signed before the plan it transmits: "…认真抓好落实。某市卫生健康委员会
# 2024年3月8日某市2024年卫生健康工作要点第一条…" (d21 and d01 printed run-in).
# A date that opens or closes a period ("征求意见时间为2022年5月10日至2022年6月9日": d98 run in,
# as structure._FULL_DATE reads it) signs nothing: the signature is a later one. Nor does a
# deadline ("各责任单位要于2024年12月15日前完成整改": round 15, tests/parsing/documents d177
# and fixture styles/yaoqiu_qianbao.txt, each printed run-in): a signature's date is the
# one after its names at the end, never one that 前 follows.
_NOTICE_SIGNATURE = re.compile(
    r"[。;)\].]"
    + _SIGNATURE_NAMES.replace("(?P<date>", r"(?<![至到\-])(?P<date>", 1)
    + r"(?![至到\-前])"
)
_NOTICE_REACH = 1500  # characters: a covering notice and its signature


# A signature between the list of attachments and the first attachment, which a copy printed
# run-in glues to both: "…附件:任务分工表国家税务总局某县税务局某县人民政府办公室2025年2月18日附件
# 任务分工表序号…" (tests/parsing/documents d83 and d96, fixture styles/shuiwu_annex.txt, each
# printed run-in). (Names without a digit: the list's own numbers and years stay before them.)
@lru_cache(maxsize=1)
def _annex_signature() -> tuple[re.Pattern[str], re.Pattern[str]]:
    kinds = alternation(vocabulary()["title"]["kinds"])
    names = _SIGNATURE_NAMES.replace(r"[^。;,:()\[\]【】]", r"[^。;,:()\[\]【】\d]", 1)
    return re.compile(r"附件:[^。;]{0,120}?" + names + r"(?=\s*附件)"), re.compile(kinds)


def _annex_names_start(text: str, start: int, end: int) -> int:
    """Where the names start in the run after an 附件 list: after the list's title when it
    ends with a document kind (…任务分工表, d83 and styles/shuiwu_annex.txt), else at the
    last print of the title's place (…考核指标中共某市委…办公室, d96), with 中共 before it."""
    kind = _annex_signature()[1].search(text, start, end)
    if kind is not None and end - kind.end() >= 4:
        return _compound_kind_end(text, kind.end(), end)
    place = _place(text)
    at = text.rfind(place, start, end) if place else -1
    return _opening(text, at) if at > start and end - at >= 4 else start


def _compound_kind_end(text: str, at: int, end: int) -> int:
    """The end of a title's kind that another kind continues (重点工作台账: d130 printed run
    in; 重点工作清单: fixture styles/nongye_fujian.txt run in), names of four characters at
    least left after it."""
    kinds = _annex_signature()[1]
    while (more := kinds.match(text, at, end)) is not None and end - more.end() >= 4:
        at = more.end()
    return at


# A covering notice that prints its date alone under its closing sentence: "…现印发给你们，
# 请认真贯彻执行。2020年7月8日某县2020年度…安排…" (corpus 021 and 037 printed run-in, fixture
# styles/notice_unsigned.txt run in): the date becomes a line of its own, as printed.
@lru_cache(maxsize=1)
def _unsigned_notice_date() -> re.Pattern[str]:
    closings = alternation(vocabulary()["title"]["notice_closings"])
    return re.compile(rf"(?:{closings})[^。\n]{{0,30}}。{_SIGNATURE_DATE}(?![至到\-])")


def _after_unsigned_notice_date(line: Line, reach: int) -> tuple[list[Line], Line]:
    """The notice and its date cut off as lines, and the rest; or none and the line."""
    unsigned = _unsigned_notice_date().search(line.text, 0, reach)
    if unsigned is None:
        return [], line
    rest = unsigned.end("date")
    cut = _cut(line, 0, unsigned.start("date"), rest)
    return cut, Line(line.start + rest, line.end, line.text[rest:])


def _signature_run_in(line: Line) -> list[Line]:
    lines = []
    first = line.text
    reach = min(len(line.text) - 1, _NOTICE_REACH)
    head = _NOTICE_SIGNATURE.search(line.text, 0, reach)
    if head is None:
        lines, line = _after_unsigned_notice_date(line, reach)
    if head is not None:
        names = _names_start(first, line.text, head.start("names"), head.start("date"))
        lines += _cut(line, 0, names, head.start("date"), head.end("date"))
        rest = head.end("date")
        line = Line(line.start + rest, line.end, line.text[rest:])
    annexed = _annex_signature()[0].search(line.text) if "附件" in line.text else None
    if annexed is not None:
        names = _annex_names_start(line.text, annexed.start("names"), annexed.end("names"))
        bounds = (names, annexed.end("names"), annexed.end("date"), len(line.text))
        return lines + [piece for piece in _cut(line, 0, *bounds) if piece.text]
    found = _run_in_signature().match(line.text, max(0, len(line.text) - 100))
    if found is None:
        return [*lines, *_signed_after_field(line)]
    names = _names_start(first, line.text, found.start("names"), found.end("names"))
    breaks = _signer_breaks(first, line.text, names, found.end("names"))
    bounds = (names, *breaks, found.end("names"), found.start("date"), found.end("date"))
    return lines + [piece for piece in _cut(line, 0, *bounds, len(line.text)) if piece.text]


_SHORTEST_NAME = 4  # characters: 某县某局


def _signer_breaks(title: str, text: str, start: int, end: int) -> list[int]:
    """Where a second signer starts in the names run together before the date: at each later
    print of the title's place, 中共 before it ("中共桃源县委办公室桃源县人民政府办公室",
    "中共华亭县委政法委员会华亭县司法局": tests/parsing/documents d103 and d110 printed run-in),
    each name at least _SHORTEST_NAME long."""
    place = _place(title)
    breaks: list[int] = []
    at = text.find(place, start + 1, end) if place else -1
    while at >= 0:
        opening = _opening(text, at)
        last = breaks[-1] if breaks else start
        if opening - last >= _SHORTEST_NAME and end - opening >= _SHORTEST_NAME:
            breaks.append(opening)
        at = text.find(place, at + len(place), end)
    return breaks


# The place a plan's title opens with: 某市, 某县, 某镇 (up to its first administrative
# character; 镇 and 乡 as units.gazetteer reads them: tests/parsing/documents d79 and fixtures
# styles/ocr_copy.txt (某镇…), styles/renwu_blocks.txt (某乡…)), after a page's breadcrumb
# when one is run into the title ("当前位置:首页 > 工作动态某县…要点": d07 and fixture
# styles/fazhi_bianji.txt printed run-in).
@lru_cache(maxsize=1)
def _title_place() -> re.Pattern[str]:
    crumbs = alternation(vocabulary()["title"]["breadcrumb_ends"])
    return re.compile(
        rf"(?:(?:[^>\n]{{1,12}}?\s*>{{1,2}}\s*){{1,6}}(?:{crumbs})\s*)?"
        r"(?P<place>[\u4e00-\u9fff]{1,6}?[省市县区州旗镇乡])"
    )


def _place(title: str) -> str | None:
    found = _title_place().match(title)
    return found.group("place") if found else None


def _notice_place(text: str) -> str | None:
    """The place a text opens with, or, when it opens with a notice about a plan (关于征求《…》
    意见的公告), the place of the plan's title in its first 《》 (tests/parsing/documents d98
    and fixture styles/zhengqiu_shuoming.txt printed run-in: …2.起草说明某区司法局2022年…)."""
    place = _place(text)
    if place is None and text.startswith("关于"):
        book = BOOK_TITLE.search(text, 0, 200)
        place = _place(book.group(1)) if book else None
    return place


def _opening(text: str, at: int) -> int:
    """``at``, or before a 中共 right in front of it: a party committee's name opens with it
    before its place (中共某县委…办公室: fixture styles/fazhi_bianji.txt; 中共某市委…办公室:
    tests/parsing/documents d53)."""
    return at - 2 if text.startswith("中共", at - 2) and at >= 2 else at


_SIGNED_DATE = re.compile(_SIGNATURE_DATE + "$")


_DASHES = ("--", "——")  # a dash list's opener, folded or as printed (units, not signers)
# What no signer's name holds: a digit (bodies.is_body_name) or a tab, a task table's cell gap.
_NOT_IN_NAMES = re.compile(r"[\d\t]")


def _names_start(title: str, text: str, start: int, end: int) -> int:
    """Where the names of a signature printed run-in start in ``text[start:end]``, the run
    found before its date. A run holding what no name holds is no list of names: the last
    cells of a task table ("…\t区直有关部门\t全年某区…办公室2024年3月20日", tests/parsing/
    documents d46 printed run-in) or an attachment list's titles ("…附件:1.某县…分工表2.某县…
    名单某县人民政府办公室2024年3月6日附件1…", d51) stand before the names. The names then
    open with the place the title (``title``, the text's start) opens with, the last time it
    is printed in the run, as a signature run into a field does (_signed_after_field, d23,
    d28). So does a last measure's dash list of units run into the names ("…公告牌。——区水利局
    临江区河长制办公室2025年2月25日": round 19, d222 and fixture styles/pozhehao_danwei.txt run
    in): the units are no signers."""
    if _NOT_IN_NAMES.search(text, start, end) is None and not text.startswith(_DASHES, start):
        return start
    place = _notice_place(title)
    if place and text.startswith(_DASHES, start):
        return _names_after_units(text, place, start, end)
    at = text.rfind(place, start, end) if place else -1
    return at if at >= 0 and end - at >= 4 else start


def _names_after_units(text: str, place: str, start: int, end: int) -> int:
    """Where the names start after a dash list of units run into them: at the first print of
    the place (中共 before it) after the list's last separator that does not open the last
    unit itself, so that two signers are both read ("…——县委依法治县办、各乡镇人民政府中共
    平川县委…办公室平川县民政局2025年…": round 22, tests/parsing/documents d310 and fixture
    styles/pozhehao_liangren.txt run in; one signer, d222)."""
    last = max(text.rfind("、", start, end), start + 1)
    at = text.find(place, last, end)
    while at >= 0:
        opening = _opening(text, at)
        if opening > last + 1 and end - opening >= _SHORTEST_NAME:
            return opening
        at = text.find(place, at + len(place), end)
    return start


def _signed_after_field(line: Line) -> list[Line]:
    """A signature run into the last unit or field of the last attribution, with no sentence
    end before it: "…配合：市营商办某市优化营商环境工作领导小组办公室2024年3月5日" (tests/parsing/
    documents d23 printed run-in), "…完成时限：长期坚持某市…委员会办公室2025年1月20日" (d28).
    Its names open with the place the title opens with, the last time it is printed."""
    place = _place(line.text)
    date = _SIGNED_DATE.search(line.text, max(0, len(line.text) - 24))
    if place is None or date is None:
        return [line]
    start = line.text.rfind(place, max(0, date.start() - 60), date.start())
    if start < 0 or date.start() - start < 4:
        return [line]
    return _cut(line, 0, _opening(line.text, start), date.start(), len(line.text))


def _cut(line: Line, *bounds: int) -> list[Line]:
    """The pieces of ``line`` between consecutive bounds, each a line."""
    return [
        Line(line.start + start, line.start + end, line.text[start:end])
        for start, end in itertools.pairwise(bounds)
    ]


def _bulleted(raw: str, offset: int) -> list[Line]:
    """The items of a line of bullets, each a line (empty ones left out)."""
    found = []
    for piece in raw.split(_BULLET):  # each followed by a bullet or the line break
        lead = len(piece) - len(piece.lstrip(_LINE_LEAD))
        content = piece[lead:].rstrip(_LINE_TAIL)
        if content:
            found.append(Line(offset + lead, offset + lead + len(content), content))
        offset += len(piece) + 1
    return found


def front_lines(lines: Lines) -> list[Line]:
    """Lines before the body's first chapter heading: where titles, notices and signatures sit."""
    headings = map(CHAPTER_HEADING.match, lines.texts)  # lazy: read up to the first
    return lines[: next(itertools.compress(itertools.count(), headings), len(lines))]


def word_starts(
    text: str, words: tuple[str, ...], start: int = 0, end: int | None = None
) -> list[int]:
    """Where one of ``words`` may start in text[start:end], in order: a superset, the places
    where the beginning shared by the words opening with the same character is printed
    (发文 for 发文单位 and 发文机关).

    Each is found from its first character by str.find: one character is found in C many
    times faster than a pattern or a longer string is searched for, and a rule then reads
    only the few places found. (Pick the form whose characters are rare in plans.)"""
    return _places(text, _shared_affixes(words, False), start, end)


def word_ends(
    text: str, words: tuple[str, ...], start: int = 0, end: int | None = None
) -> list[int]:
    """word_starts from the other end: where one of ``words`` may end (the place of its last
    character), found from the ending shared by the words ending with the same character
    (日期 for 成文日期 and 发布日期)."""
    return _places(text, _shared_affixes(words, True), start, end)


def _places(
    text: str, affixes: dict[str, tuple[str, int]], start: int, end: int | None
) -> list[int]:
    """Where each character of ``affixes`` is printed as part of its affix, which opens
    ``back`` characters before it."""
    end = len(text) if end is None else end
    found = []
    for char, (affix, back) in affixes.items():
        at = text.find(char, start, end)
        while at >= 0:
            if at >= back and text.startswith(affix, at - back, end):
                found.append(at)
            at = text.find(char, at + 1, end)
    return sorted(found)


@lru_cache(maxsize=16)
def _shared_affixes(words: tuple[str, ...], endings: bool) -> dict[str, tuple[str, int]]:
    """For each first (last) character of ``words``: the beginning (ending) all the words
    opening (ending) with it share, and how far before the character it opens."""
    shared: dict[str, str] = {}
    for word in words:
        char = word[-1] if endings else word[0]
        affix = shared.get(char, word)
        while not (word.endswith(affix) if endings else word.startswith(affix)):
            affix = affix[1:] if endings else affix[:-1]
        shared[char] = affix
    return {char: (affix, len(affix) - 1 if endings else 0) for char, affix in shared.items()}


def compact(text: str) -> str:
    """``text`` without whitespace: PDF and page copies break and space titles at random."""
    return _WHITESPACE.sub("", text)
