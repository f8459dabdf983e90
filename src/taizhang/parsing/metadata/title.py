"""The plan's own title, as printed.

Candidates, best first: a body heading that a covering notice also names in 《》; any body
heading (lines ending with a document kind, or a title run into the preamble's first line);
a title a notice transmits in 《》; the notice itself when it is the plan.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from taizhang.parsing.metadata.signature import is_date_only
from taizhang.parsing.metadata.text import (
    BOOK_TITLE,
    CHAPTER_HEADING,
    PROSE_MARK,
    Line,
    View,
    compact,
)
from taizhang.parsing.metadata.vocabulary import alternation, vocabulary
from taizhang.parsing.vocabulary import vocabulary as parsing_vocabulary

_MAX_HEADING_LINES = 3
_MAX_HEADING_LENGTH = 80  # characters per line; longer lines are prose
# How far before or after a 《title》 a notice's transmitting words are looked for.
_CUE_WINDOW = 6
# A line break inside a printed title, with the blanks around it.
_LINE_BREAK = re.compile(r"[ \t\u3000]*\n\s*")
# GB/T 9704 prints an attachment's label on a line of its own above its title ("附件",
# "附件2", "附件："): the label is no part of the title under it (formats f10, a covering
# notice over its 附件 table; corpus 047, a 请示 over the plan it transmits).
_ATTACHMENT_LABEL = re.compile(r"附件\s*\d{0,2}\s*:?")


def _content_columns() -> list[str]:
    """The names a task table's content column takes (structure.toml table_columns)."""
    return parsing_vocabulary()["table_columns"]["content"]


@dataclass(frozen=True)
class Title:
    printed: str  # as in the source
    text: str  # as in the view, for matching


@dataclass(frozen=True)
class _Patterns:
    heading: re.Pattern[str]  # a whole heading, group "t" the title
    run_in: re.Pattern[str]  # a title at the start of a preamble line, group "t"
    ends_with_kind: re.Pattern[str]
    kind: re.Pattern[str]  # a kind anywhere
    notice_word: re.Pattern[str]
    caption_verb: re.Pattern[str]
    transmitted_before: re.Pattern[str]
    transmitted_after: re.Pattern[str]
    before_preamble: re.Pattern[str]  # a kind and suffixes right before a preamble opener


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    words = vocabulary()["title"]
    kind = f"(?:{alternation(words['kinds'])})"
    # What may follow the kind and still belong to the title: a bracketed period or draft
    # marker (not a site label), or a bare "2021-2025年".
    labels = words["site_labels"]
    bracketed_labels = [w[1:-1] for w in labels if w.startswith("(") and w.endswith(")")]
    # A bracket holding a month ("（2024年3月）") is the date line under a title, not part
    # of it (tests/parsing/documents d10, run in, and d06 on a line of its own).
    not_a_label = rf"(?!(?:{alternation(bracketed_labels)})\))(?!\s*\d{{4}}\s*年\s*\d{{1,2}}\s*月)"
    # or the closing quote of a title quoting its kind ("…营商环境“十项举措”": round 23,
    # tests/parsing/documents d315 in ASCII quotes and d318)
    suffix = rf"(?:\s*\({not_a_label}[^()\n]{{0,16}}\)|\s*\d{{4}}\s*-\s*\d{{4}}\s*年|[”\"])"
    site_label = rf"(?:{alternation(labels)}|【[^【】\n]{{0,12}}】)"
    # A short label before a colon, as in "附件:" or a site's "工作方案:" category.
    label_prefix = rf"(?:[^:,。\n]{{1,{int(words['max_label_length'])}}}:\s*)?"
    opener = alternation(words["preamble_openers"])
    # (or the issuer's name opening the preamble, up to its short name or its act)
    opener += rf"|[^,。;:()\n]{{2,24}}?(?:{alternation(words['preamble_issuer_acts'])})"
    date_line = r"\(\s*\d{4}\s*年\s*\d{1,2}\s*月[^()\n]{0,4}\)"
    # the first numbered item right after a title run in ("…方案(节选)6.实施…",
    # "…任务清单第一部分…": tests/parsing/documents d08 and d14 with their line breaks removed;
    # "…实施方案第一节…": d19; a set of articles with no chapters, "…实施办法第一条为…": round
    # 14, corpus 063 and fixture styles/banfa_articles.txt printed run-in)
    # or a decimal outline's first number, its space kept ("…重点工作1　总体要求1.1…": d03
    # and d18 printed run-in)
    first_item = (
        r"\d{1,3}[.、](?!\d)|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[部章节条]"
        r"|\d{1,2}(?:\.\d{1,2}){0,2} +(?=[^\d\s.%-])"
        r"|任务[一二三四五六七八九十\d]{1,3}:"  # …工作任务任务一: (fixture styles/renwu_blocks.txt)
        # a task table's header (…推进台账序号\t重点任务…: d45 and fixture
        # styles/gongshui_excel.txt printed run-in)
        r"|序\s*号\t"
        # or, run in, its column names glued on (…事项目录序号决策事项承办单位…: round 28,
        # tests/parsing/documents d316 and d317 run in)
        rf"|序\s*号(?:{alternation(_content_columns())})"
        r"|-、(?![-\d])"  # 一、 read as a dash by OCR (fixture styles/ocr_copy.txt run in)
    )
    # or its table of contents, or a preamble that opens with the plan's year ("…工作要点
    # 2024年全县…": d13 printed run-in and the 营商环境 plan of test_run_in; 目录: d15 and
    # fixture styles/contents_cut.txt printed run-in), not the end of a kind it completes
    # ("…决策事项目录序号决策事项…": round 28, tests/parsing/documents d316 and d317 run in)
    completed = [kind[:-2] for kind in words["kinds"] if kind.endswith("目录") and kind != "目录"]
    contents = "".join(rf"(?<!{re.escape(before)})" for before in completed) + r"目\s*录"
    # (not a year the title goes on after, to its own kind: "…“三项制度”2027年任务清单" is
    # one title, the quoted 制度 no kind of its own: round 39, tests/parsing/documents d412
    # and fixture styles/xinghao_qiantou.txt printed run-in)
    # (a preamble opening with its year says 是 or quotes before any kind: "2024年是“八五”
    # 普法规划实施的关键之年", d55 and d141 printed run-in)
    year_on = rf"\d{{4}}年(?![^,。;:!?\s《》()“”\"是]{{0,8}}?{kind})"
    date_line = rf"{date_line}|{first_item}|{contents}|{year_on}"
    # or a page's time stamp under the title ("…活动的意见2014-09-15 17:53:19  来源:": round
    # 14, corpus 066 and fixture styles/xinwen_stamp.txt printed run-in)
    date_line += r"|\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}"
    # or a part's label and its colon ("…工作要点总体要求：坚持…": metadata.toml part_labels)
    date_line += rf"|(?:{alternation(words['part_labels'])})\s*:"
    # or the addressees' line under a notice's title, collectives up to a colon (…督查情况的
    # 通报各乡镇人民政府，县直各有关部门：按照…: tests/parsing/documents d131 and fixture
    # styles/tongbao_zhenggai.txt printed run-in)
    date_line += r"|各[^,。;:!?\n]{1,20}(?:,[^,。;:!?\n]{1,20}){0,6}:"
    # a breadcrumb run into the title: "首页 > 政务公开 > 政策文件某市…要点" (d07 and d21
    # printed run-in), up to its last crumb
    crumbs = alternation(words["breadcrumb_ends"])
    breadcrumb = rf"(?:[^>\n]{{1,12}}?\s*>{{1,2}}\s*){{1,6}}(?:{crumbs})\s*"
    dates = vocabulary()["date"]
    fields = dates["signing_fields"] + dates["page_fields"] + dates["source_fields"]
    field = alternation(fields + words["page_labels"])
    site_name = rf"[^,。;:\s]{{2,16}}(?:{alternation(words['site_name_ends'])})\s"
    # or the last bracket after its kind, its period or draft marker (not a number: "…要点(四)"
    # is the next heading: fixture styles/notice_midplan.txt run in) ("…规划(2021-2025年)字号:
    # …", "…方案(2021—2025年)建设法治社会是…": corpus 002 and 040 printed run-in; fixtures
    # styles/kuohao_runin.txt and styles/zhengqiu_han.txt run in), unless another kind follows
    # within a few characters, the title going on ("…纲要(2020-2025年)工作措施", "…计划(2023—
    # 2025年)实施方案": corpus 003 and 052), or a site's label, a caption's ("整理的…方案(-2025
    # 年)(完整),供大家参考": corpus 071)
    # the document a title says the plan implements, years and all, after its verb
    # ("某市落实《法治政府建设实施纲要(2021—2025年)》重点措施为推动…": round 16,
    # tests/parsing/documents d191 and fixture styles/qianzhi_qianshu.txt printed run-in)
    implemented = r"(?<=落实)《[^《》,。]{2,40}》"
    going_on = rf"\s*\(|[^,。;:!?\s《》()]{{0,8}}?{kind}|\s*{site_label}"
    bracket_end = rf"(?:(?<=年\))|(?<=稿\)))(?!{going_on})"
    # a covering notice's release note under its date, run into the title after it
    # ("…2023年3月9日(此件公开发布)某县…工作要点为…": see metadata.toml release_notes)
    release_note = rf"(?:\((?:{alternation(words['release_notes'])})[^()\n]{{0,10}}\)\s*)?"
    return _Patterns(
        # [label:] [《] title [《inner title》 …] kind [suffixes] [》] [site labels]
        heading=re.compile(
            rf"{_CHUNK_NUMBER}{label_prefix}(?P<open>《)?"
            rf"(?P<t>[^《》]{{0,80}}?(?:《[^《》]{{1,60}}》[^《》]{{0,40}}?)?{kind}{suffix}{{0,3}})"
            rf"(?(open)》|)\s*{site_label}{{0,3}}",
            re.S,
        ),
        # A page-chunk number ("1、") or a site caption before the title is dropped
        # (sharing sites number their chunks: corpus 003 and 029). The title ends at a
        # blank, a site label, a preamble opener or a page field ("时间:", seed 001 run in).
        # It may name a short document in 《》 ("某县2024年《政府工作报告》重点工作责任分工为
        # 确保…": d39 of tests/parsing/documents and fixture styles/baogao_quotes.txt run in);
        # a plan's own title in 《》 with its years is a notice's, not this one.
        run_in=re.compile(
            rf"(?:{breadcrumb})?(?:\d{{1,2}}[、.])?{release_note}{label_prefix}"
            rf"(?P<t>[^《》,。;:!?\s](?:[^,。;:!?\n《》]|《[^《》,。()（）]{{1,12}}》|{implemented}){{1,60}}?{kind}{suffix}{{0,3}})"
            rf"(?:\s*{site_label}{{1,3}}(?![,。;:])|{bracket_end}|(?=\s|{opener}|(?:{field})\s*:|{date_line}|{site_name}|$)"
            # or the title printed again, as a page prints its caption over the article's
            # heading ("工作方案:X工作方案:X社会主义法治文化是…": round 14, corpus 065 and
            # fixture styles/biaoti_twice.txt printed run-in)
            rf"|(?={label_prefix}(?P=t)))"
        ),
        ends_with_kind=re.compile(rf"{kind}{suffix}{{0,3}}$"),
        kind=re.compile(kind),
        notice_word=re.compile(alternation(words["notice_words"])),
        caption_verb=re.compile(alternation(words["caption_verbs"])),
        transmitted_before=re.compile(rf"(?:{alternation(words['transmitted_before'])})\s*$"),
        transmitted_after=re.compile(rf"^\s*(?:{alternation(words['transmitted_after'])})"),
        before_preamble=re.compile(
            rf"{kind}(?P<s>{suffix}{{0,3}})》?\s*{site_label}{{0,3}}(?={opener})"
        ),
    )


def find_title(view: View, front: list[Line], body: int | None = None) -> Title | None:
    """The plan's title; ``body``: where the plan's work begins in the view, if known."""
    holding = _holding_a_kind(view, front)
    transmitted = _transmitted_titles(view, front, holding)
    headings = _headings(view, front, holding)  # in order, read as far as needed
    if not transmitted:
        return (
            next(headings, None)
            or _notice_as_title(view, front)
            or _dated_title(front, view)
            or _repeated_run_in(view, front)
        )
    by_key = {compact(t.text): t for t in transmitted}
    if len(by_key) > 1 and body is not None:
        chosen = _printed_last_before(view, transmitted, body)
        if chosen is not None:
            key = compact(chosen.text)
            one_line = (h for h in headings if compact(h.text) == key and "\n" not in h.printed)
            return next(one_line, chosen)
    first = None
    for heading in headings:
        key = compact(heading.text)
        # printed run-in, an attachment's label runs into its title ("…2023年4月18日附件1柳河县
        # …实施方案为深入…": d113 and fixture styles/two_annexed_plans.txt run in)
        labelled = key.startswith("附件") and _ATTACHMENT_LABEL.match(key)
        notice_copy = by_key.get(key) or (labelled and by_key.get(key[labelled.end() :]))
        if notice_copy:
            # Prefer the copy printed on one line, so the title is an unbroken substring.
            return heading if "\n" not in heading.printed.strip() and not labelled else notice_copy
        first = first or heading
    return first or transmitted[0]


def _repeated_run_in(view: View, front: list[Line]) -> Title | None:
    """A title run in after a page's chrome, which printed it before as a caption, a
    breadcrumb or a thread's title: "…问答 » X方案2021某网友 - 2023/7/9 2:56:00《X方案(…)》全文
    为加快…", "…整理的2022年X方案(-2025年)(完整),供大家参考。X方案(2021-2025年)为贯彻…",
    "开启左侧X规划(2...[复制链接]…阅读模式X规划(2021-2025年)为深入…" (round 14: corpus 008,
    071 and 033 printed run-in; fixture styles/luntan_byline.txt run in). The title ends
    with its kind and period right before the preamble's opener, and starts where the words
    before its kind, printed earlier on the line too, start."""
    first = next((line for line in front if line.text), None)
    if first is None:
        return None
    end = min(first.end, first.start + _REPEAT_REACH)
    m = _patterns().before_preamble.search(view.text, first.start, end)
    if m is None:
        return None
    kind_end = m.start("s")
    start = kind_end - _MIN_REPEATED
    if start < first.start or view.text.find(view.text[start:kind_end], first.start, start) < 0:
        return None
    # (extended one character at a time while the words are printed earlier too)
    while start > first.start and not view.text[start - 1].isspace():
        words = view.text[start - 1 : kind_end]
        if view.text.find(words, first.start, start - 1) < 0:
            break
        start -= 1
    return _title_at(view, start, m.end("s"))


_REPEAT_REACH = 600  # characters: a page's chrome and the title after it
_MIN_REPEATED = 8  # characters before the kind, printed twice


def _printed_last_before(view: View, transmitted: list[Title], body: int) -> Title | None:
    """A notice transmitting two documents, each printed under it: the plan is the one whose
    title is printed last before its work begins (a 工作规则 of articles, then the 工作要点
    whose measures follow: round 13b, d149 and fixture styles/guize_yaodian.txt, printed and
    run in; of two plans under 附件1 and 附件2, the first, whose measures follow its title:
    d113). A title inside 《》 is the notice naming it, not the document's own line."""
    best, best_at = None, -1
    for title in transmitted:
        at = view.text.rfind(title.text, 0, body)
        if at > best_at and view.text[at - 1 : at] != "《":
            best, best_at = title, at
    return best


def _holding_a_kind(view: View, front: list[Line]) -> list[int]:
    """The lines of ``front`` holding a document kind, in order. Every title holds its kind,
    so only these lines and the few above them are read for one. (One search over the
    front: a kind is printed within a line, so the first match in a line is found.)"""
    if not front:
        return []
    starts = [line.start for line in front]
    found = _patterns().kind.finditer(view.text, front[0].start, front[-1].end)
    return sorted({bisect_right(starts, m.start()) - 1 for m in found})


# A page's caption kept as a copy's first line, "X - 站名" (the HTML title: tests/parsing/
# documents d90, fixture styles/wenku_chunks.txt): a line of its own, never joined to the
# title printed under it.
_PAGE_CAPTION = re.compile(r"\s[-–—|]\s*[^\s\d\-–—|()（）]{2,10}\s*$")  # (no period: 2021 — 2025年)

# A document-sharing site's first page-chunk number before the title on its line ("1、中共某区委
# 宣传部、某区司法局关于…规划（2021—2025年）": tests/parsing/documents d90; corpus 003 run in, as
# the run-in pattern reads it), no part of the title.
_CHUNK_NUMBER = r"(?:1、)?"


def _headings(view: View, front: list[Line], holding: list[int]) -> Iterator[Title]:
    """Plan headings: lines (up to three) that end with a document kind, then titles run
    into the preamble's line, each in document order."""
    shapes: dict[int, int | None] = {}  # each line's looked at once, when it is
    whole = (_heading_from(view, front, shapes, i) for i in _heading_openings(front, holding))
    run_in = (_run_in_heading(view, front[i]) for i in holding)
    return (heading for heading in itertools.chain(whole, run_in) if heading)


def _heading_openings(front: list[Line], holding: list[int]) -> list[int]:
    """The lines a heading can open on: a heading spans up to three lines (blank lines
    between them aside) and holds its kind, so a kind must stand on a line at or below
    this one with fewer than three lines printed before it."""
    printed = list(itertools.accumulate((bool(line.text) for line in front), initial=0))
    openings, h = [], 0
    for i in range(len(front)):
        while h < len(holding) and holding[h] < i:
            h += 1
        if h == len(holding):
            break
        if printed[holding[h]] - printed[i] < _MAX_HEADING_LINES:
            openings.append(i)
    return openings


def _heading_from(
    view: View, front: list[Line], shapes: dict[int, int | None], i: int
) -> Title | None:
    """The longest heading that starts on line i, over up to three heading-like lines."""

    def shape(j: int) -> int | None:
        if j not in shapes:
            shapes[j] = _heading_shape(front[j])
        return shapes[j]

    if not _is_heading_like(shape(i), first=True) or _ATTACHMENT_LABEL.fullmatch(front[i].text):
        return None
    group = [front[i]]
    j = len(front) if _PAGE_CAPTION.search(front[i].text) else i + 1
    while len(group) < _MAX_HEADING_LINES and j < len(front):
        line = front[j]
        j += 1
        if not line.text:
            continue  # PDF copies space a heading's lines apart
        if not _is_heading_like(shape(j - 1), first=False):
            break
        group.append(line)
    patterns = _patterns()
    # Every heading holds its kind: lines without one are no heading whichever end is tried.
    if patterns.kind.search(view.text, front[i].start, group[-1].end) is None:
        return None
    for last in reversed(group):
        m = patterns.heading.fullmatch(view.text, front[i].start, last.end)
        if m:
            return _title_at(view, m.start("t"), m.end("t"))
    return None


def _heading_shape(line: Line) -> int | None:
    """None when a line cannot be (part of) a heading: empty or long, prose punctuation,
    notice words, a date; else where its first colon is (-1: none), for _is_heading_like."""
    text = line.text
    patterns = _patterns()
    if not text or len(text) > _MAX_HEADING_LENGTH or CHAPTER_HEADING.match(text):
        return None
    if PROSE_MARK.search(text) or patterns.notice_word.search(text) or is_date_only(text):
        return None
    return text.find(":")


def _is_heading_like(colon: int | None, first: bool) -> bool:
    """Whether a line of that shape may be (part of) a heading. Only a heading's first line
    may carry a "label:" prefix."""
    if colon is None:
        return False
    return colon < 0 or (first and colon <= int(vocabulary()["title"]["max_label_length"]))


_NOTICE_END = "的通知"


def _run_in_heading(view: View, line: Line) -> Title | None:
    """A title printed on the same line as the preamble: "X实施方案为深入贯彻…"."""
    patterns = _patterns()
    if patterns.kind.search(view.text, line.start, line.end) is None:
        return None  # every title ends with its kind
    m = patterns.run_in.match(view.text, line.start, line.end)
    # A notice header run into the title it transmits ends at its ending: "…关于印发某县
    # 2024年乡村振兴重点工作的通知某县2024年全面推进…重点工作1　总体要求…" (d03 and d18
    # printed run-in); the title starts after it.
    if m is not None:
        notice_end = view.text.rfind(_NOTICE_END, m.start("t"), m.end("t"))
        if notice_end > m.start("t"):
            start = notice_end + len(_NOTICE_END)
            m = patterns.run_in.match(view.text, start, line.end) or m
    if m is None:
        repeated = _before_its_subject_again(view, line)
        if repeated is not None:
            return repeated
    if m is None or patterns.caption_verb.search(m.group("t")):
        m = _after_full_text_lead(view, line)  # a caption about the plan is not its title
        if m is None or patterns.caption_verb.search(m.group("t")):
            return None
    m = _after_page_caption(view, m, line.end) or m
    return _title_at(view, _after_attachment_label(view, m), m.end("t"))


def _after_attachment_label(view: View, m: re.Match[str]) -> int:
    """Where a run-in title opens after the attachment label run into it, which a printed
    copy sets on a line of its own ("…2025年3月6日附件桐川县…事项目录序号…": round 28, tests/
    parsing/documents d316 run in; "…2023年4月18日附件1柳河县…实施方案为深入…": d113 run in)."""
    label = _ATTACHMENT_LABEL.match(view.text, m.start("t"), m.end("t"))
    return label.end() if label and label.end() < m.end("t") else m.start("t")


def _before_its_subject_again(view: View, line: Line) -> Title | None:
    """A title run into a preamble that opens by naming the title's subject again, its place
    left off from its level on: "澜沧市政协十一届三次会议提案办理工作方案市政协十一届三次会议
    共立案…" (round 18: tests/parsing/documents d181 printed run-in; fixture
    styles/renda_jianyi_runin.txt run in). The title ends at the first kind such a repeat
    follows."""
    text, patterns = view.text, _patterns()
    for kind in patterns.kind.finditer(text, line.start, min(line.end, line.start + _TITLE_REACH)):
        head = text[kind.end() : kind.end() + _REPEATED_HEAD]
        whole = len(head) == _REPEATED_HEAD and _HAN_RUN.fullmatch(head)
        place = text.find(head, line.start, kind.start()) - line.start  # the place left off
        if whole and head[0] in _LEVELS and 0 < place <= _PLACE_REACH:
            return _title_at(view, line.start, kind.end())
    return None


_TITLE_REACH = 80  # characters: a title's longest
_REPEATED_HEAD = 5  # characters of the title's subject named again (市政协十一届, 县人大常委)
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_LEVELS = "省市州盟县区旗"  # the level a place's name ends with (澜沧市, 青禾县)
_PLACE_REACH = 6  # characters of that place's name


def _after_full_text_lead(view: View, line: Line) -> re.Match[str] | None:
    """A title run in right after a news article's lead-in to the plan's full text (see
    metadata.toml full_text_leads)."""
    for lead in vocabulary()["title"]["full_text_leads"]:
        at = view.text.find(lead, line.start, line.end)
        if at >= 0:
            return _patterns().run_in.match(view.text, at + len(lead), line.end)
    return None


# A page's caption "X - 站名" that a copy printed run-in glues to the page (_PAGE_CAPTION on a
# line of its own): the title is the one after the site's first page-chunk number, "1、"
# (tests/parsing/documents d90: "某区“八五”普法规划 - 豆丁文库本文由会员分享…搜索。1、中共某区委…
# 规划(2021-2025年)为深入…"; fixture styles/wenku_chunks.txt: "… - 文档分享网1、某县…方案…").
_CAPTION_AFTER = re.compile(r"\s*[-–—|]\s*[^\s\d\-–—|()（）]{2,10}")
_CAPTION_REACH = 300  # characters: the site's blurb between its caption and the first chunk


def _after_page_caption(view: View, m: re.Match[str], end: int) -> re.Match[str] | None:
    if _CAPTION_AFTER.match(view.text, m.end("t"), end) is None:
        return None
    chunk = view.text.find("1、", m.end("t"), min(end, m.end("t") + _CAPTION_REACH))
    return _patterns().run_in.match(view.text, chunk, end) if chunk >= 0 else None


def _transmitted_titles(view: View, front: list[Line], holding: list[int]) -> list[Title]:
    """Titles a covering notice or news lead transmits: 现将《X》印发…, 关于印发《X》的通知.
    (Each ends with its kind: only the lines ``holding`` one are read.)"""
    patterns = _patterns()
    found = []
    for line in map(front.__getitem__, holding):
        if view.text.find("《", line.start, line.end) < 0:
            continue
        for m in BOOK_TITLE.finditer(view.text, line.start, line.end):
            if not patterns.ends_with_kind.search(m.group(1)):
                continue
            before = view.text[max(line.start, m.start() - _CUE_WINDOW) : m.start()]
            after = view.text[m.end() : m.end() + _CUE_WINDOW]
            if patterns.transmitted_before.search(before) or patterns.transmitted_after.match(
                after
            ):
                found.append(_unnested(_title_at(view, m.start(1), m.end(1))))
    return found


def _unnested(title: Title) -> Title:
    """A title as it stands alone: inside the notice's 《》 a title it names is printed in
    〈〉 (GB/T 9704), on its own line in 《》 ("…落实〈X纲要〉实施方案" -> "…落实《X纲要》实施方案":
    round 14, corpus 039 as a ragged PDF layer, whose heading ran into its preamble, and
    fixture styles/qiantao_title.txt printed run-in)."""
    if "〈" not in title.text:
        return title
    return Title(title.printed.translate(_UNNESTED), title.text.translate(_UNNESTED))


_UNNESTED = str.maketrans("〈〉", "《》")


def _dated_title(front: list[Line], view: View) -> Title | None:
    """When nothing else is titled, a first line naming the plan's year and ending in a kind
    that a task table's column also prints (metadata.toml dated_kinds: 某市2024年社会救助提质
    增效重点任务, tests/parsing/documents d73; fixture styles/minzheng_labelsafter.txt): a
    column's name on a line of its own names no year."""
    first = next((line for line in front if line.text), None)
    if first is None:
        return None
    if not first.text.endswith(tuple(vocabulary()["title"]["dated_kinds"])):
        return _dated_run_in(first, view)
    if _DATED.fullmatch(first.text) is None:
        return None
    return _title_at(view, first.start, first.end)


def _dated_run_in(first: Line, view: View) -> Title | None:
    """The same title printed run in: its preamble or its first chapter right after it
    (某市2024年社会救助提质增效重点任务为进一步…, d73; 某县2024年养老服务提升重点任务为加快…,
    fixture styles/minzheng_labelsafter.txt, both with their line breaks removed)."""
    m = _dated_run_in_pattern().match(view.text, first.start, first.end)
    return _title_at(view, first.start, m.end("t")) if m else None


@lru_cache(maxsize=1)
def _dated_run_in_pattern() -> re.Pattern[str]:
    words = vocabulary()["title"]
    return re.compile(
        rf"(?P<t>{_DATED.pattern}?(?:{alternation(words['dated_kinds'])}))"
        rf"(?=\s|{alternation(words['preamble_openers'])}|[一二三四五六七八九十]{{1,3}}、)"
    )


# A title naming its year, no sentence: "某市2024年社会救助提质增效重点任务".
_DATED = re.compile(r"[^,。;:!?\s]{1,30}\d{4}年[^,。;:!?\s]{2,40}")


def _notice_as_title(view: View, front: list[Line]) -> Title | None:
    """A notice that is itself the plan ("X关于分解落实…的通知"), when nothing else is titled.

    The first such line wins; a notice that transmits nothing is taken to be the document
    that assigns the work (corpus 075, 南京市政府关于分解落实《…纲要》主要目标和任务的通知,
    and tests/parsing/documents d12, 关于分解落实…政府工作报告重点任务的通知).
    """
    notice = vocabulary()["notice"]
    for line in front:
        text = line.text
        # printed run-in, the notice's header ends at its ending, not at the line's end
        # (d12 and corpus 075's form with every line break removed)
        ending = text.find(notice["ending"], 0, _MAX_RUN_IN_NOTICE)
        if ending > 0 and not text.endswith(notice["ending"]):
            text = text[: ending + len(notice["ending"])]
        is_own_notice = (
            notice["about"] in text
            and text.endswith(notice["ending"])
            and not any(verb in text for verb in notice["transmit_verbs"])
        )
        if is_own_notice and not PROSE_MARK.search(text):
            return _title_at(view, line.start, line.start + len(text))
    return None


_MAX_RUN_IN_NOTICE = 100  # characters: a notice's header, issuer and subject


def _title_at(view: View, start: int, end: int) -> Title:
    printed = _LINE_BREAK.sub("\n", view.original(start, end))
    return Title(printed, view.text[start:end])
