"""Where a measure's attribution is: a bracket after the text, or labels after it.

    …依法公正裁判。〔牵头单位：市中级法院；责任单位：各县(市)区〕
    …增长6.2%左右。\\n牵头单位:区发改局\\n\\n责任单位:立山经济开发区
    …宣传教育。(县委宣传部、县司法局按职责分工负责)
    …宣传教育。【牵头单位】县司法局【责任单位】县教育局
    …宣传教育。\\n县委宣传部、县司法局按职责分工负责。

Works on folded text (see normalize.fold), so offsets are valid in the original too.
Brackets are paired in one pass with a stack, so the work stays linear in the text.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from functools import lru_cache, partial
from itertools import compress, count, repeat
from operator import add, and_, itemgetter, le, lt, mul, ne, not_, sub
from typing import NamedTuple

from taizhang.parsing.metadata.signature import is_date_only, is_glued_signature
from taizhang.parsing.normalize import fold
from taizhang.parsing.units.loading import load_gazetteer
from taizhang.parsing.vocabulary import branches, trie, vocabulary, word_list

_PAIRS = {"[": "]", "〔": "〕", "【": "】", "(": ")", "〖": "〗"}
_MAX_ATTRIBUTION = 400  # characters: longer brackets are prose, not a list of units
_MAX_DEPTH = 3  # brackets nested deeper than this are no attribution
_MAX_UNIT_LINE = 120  # characters: a line of units and a verb is short
_SENTENCE_END = "。;!?"
_BEFORE_BARE = _SENTENCE_END + " \t\u3000"  # what a bare list's bracket follows (_after_sentence)
# A blank line, which closes every bracket left open.
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


class Located(NamedTuple):
    """Where an attribution is in a body (immutable: a named tuple, made for every measure
    and paragraph, costs a third of a frozen dataclass)."""

    text_end: int  # the measure text ends here (the bracket or label line starts)
    raw_start: int  # attribution_raw = body[raw_start:raw_end]
    raw_end: int


_make = tuple.__new__  # a Located of its three fields, without the named tuple's __new__
_OPEN, _CLOSE = itemgetter(0), itemgetter(1)  # of an (open, close) pair, read by map in C


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern:
    """A label and what follows it: "责任单位:", "【牵头单位】", "责任主体。"."""
    words = vocabulary()["attribution_labels"]
    fields = vocabulary()["attribution_fields"]
    # or blanks: a label set apart from its value by blanks, as a form of two columns copied
    # as text prints it ("牵头单位　市城市管理局" over "完成时限　2024年10月底前": tests/parsing/
    # documents d74, fixture styles/laji_blanklabels.txt); in the same branch as its colon
    # form, so each word's branch is compiled once
    blanks = r"|[ \t]+(?=[^ \t\n])"
    # "【label】", or a label then a colon, one branch per first character (see branches);
    # a role word (配合) is a label only with a colon
    return re.compile(
        _by_first_character(
            [
                rf"【\s*{trie([*words, *fields, *vocabulary()['colon_labels']])}\s*】",
                # or 同上 / 同第N条, another measure's units ("（责任单位同第3条）": round 11,
                # d105 and fixture styles/anquan_tongshang.txt; same_as.py)
                *branches(words, rf"(?:\s*[:。]|(?=同[上第]){blanks})"),
                *branches(vocabulary()["colon_labels"], r"\s*:"),
                *branches(fields, rf"(?:\s*:{blanks})"),
                # a label after its units: "（市财政局为牵头单位，市民政局为配合单位）" (d73,
                # fixture styles/minzheng_labelsafter.txt; units.attribution.labels_first);
                # not a note's "排在首位的为牵头单位" (d01, d11); its literal first, the
                # lookbehind after it (a branch opening with a lookbehind is tried at every
                # place of the text)
                rf"为(?<![的者位个]为){trie(words)}(?=[,;。.)\]〕】]|$)",
            ]
        )
    )


def _by_first_character(alternatives: list[str]) -> str:
    """The alternation of ``alternatives``, those sharing their first character joined
    under it: "协(?:…|…)". At a place the text holds a label's first character the engine
    tried each of the 30 alternatives in turn (925 such places in seed 000); it now tries
    one per character. The same match at every place: only the alternatives opening with
    its character can match there, in their order (speed20: the labels' pass 109 -> 103 µs
    on seed 000, 172 -> 157 µs on seed 001). Joined as they are if one opens with an ASCII
    character (a metacharacter or an escape is no literal first character)."""
    if any(alternative[0].isascii() for alternative in alternatives):
        return "|".join(alternatives)
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative)
    return "|".join(
        group[0] if len(group) == 1 else f"{first}(?:{'|'.join(a[1:] for a in group)})"
        for first, group in groups.items()
    )


@lru_cache(maxsize=1)
def _verb_ending() -> re.Pattern:
    return re.compile(rf"{trie(_bracket_ending_verbs())}[。.]?\s*$")


@lru_cache(maxsize=1)
def _bracket_ending_verbs() -> tuple[str, ...]:
    """The verbs that may end a bracket's attribution: the role verbs, and those that end
    one only inside a bracket (structure.toml bracket_verbs: 负总责, 组织实施 …)."""
    return (*vocabulary()["responsibility_verbs"], *vocabulary()["bracket_verbs"])


def _before_signature(body: str) -> str:
    """The last measure's body without the signature under it, past a blank line and
    ending in its date line ("…改造300户。区民政局、区残联按职责分工负责。" / "" / "某区民政局" /
    "2024年4月2日"): the units after its last sentence are then on its last line (fixtures
    styles/yanglao_trailing.txt and styles/jiaotong_cixiang.txt, 此项工作由…负责。)."""
    last = body.rfind("\n")
    if last < 0 or not is_date_only(body[last + 1 :].strip().replace(" ", "")):
        return _before_glued_signature(body)
    blank = body.rfind("\n\n", 0, last)
    return body[:blank].rstrip() if blank > 0 else _above_signers(body, last)


_MAX_SIGNER = 30  # characters: a signer's name on a line above the date
_MAX_SIGNERS = 3  # lines of names above the date


def _above_signers(body: str, date_line: int) -> str:
    """The body above the signers' lines right over the date line, with no blank line
    between them and the last measure (a hard-wrapped copy drops blank lines: round 27,
    d357 with two signers and fixture styles/shuiwu_cixiang_shixian.txt); the body itself
    when the line above the date is a sentence, not a name."""
    end = date_line
    for _ in range(_MAX_SIGNERS):
        start = body.rfind("\n", 0, end)
        name = body[start + 1 : end].strip()
        if start < 0 or not name or len(name) > _MAX_SIGNER or any(c in name for c in "。,;:"):
            break
        end = start
    return body if end == date_line else body[:end].rstrip()


_MAX_GLUED_SIGNATURE = 80  # characters: signers' names and a date after the last 。


def _before_glued_signature(body: str) -> str:
    """The body without the names and date a copy printed run in glued to its last sentence
    ("…此项工作由县教育局负责,长期坚持。白溪县司法局白溪县教育局2025年5月12日": round 27, d357 and
    fixture styles/shuiwu_cixiang_shixian.txt run in)."""
    if body[-1:] != "日" and not body[-1:].isdigit():
        return body  # every date ends so: most bodies are answered here
    end = body.rfind("。", max(0, len(body) - _MAX_GLUED_SIGNATURE))
    rest = body[end + 1 :].strip().replace(" ", "")
    if end < 0 or not rest or "\n" in rest or not is_glued_signature(rest):
        return body
    return body[: end + 1]


def _role_source() -> str:
    """Regex source of units and their role verb: "X、Y按职责分工负责"."""
    endings = "|".join(map(re.escape, vocabulary()["unit_endings"]))
    verbs = "|".join(map(re.escape, vocabulary()["responsibility_verbs"]))
    name = rf"[^,;。、\s()]{{1,30}}?(?:{endings})(?:\([^()]{{1,12}}\))?"
    never = "|".join(map(re.escape, vocabulary()["not_duty_after_verb"]))  # 负责解释
    person = "|".join(map(re.escape, vocabulary()["person_after_verb"]))  # 负责人
    units = rf"(?:由)?(?:{name})(?:[、,和及与](?:{name}))*(?:等)?[^,;。、]{{0,8}}?"
    return rf"{units}(?:{verbs})(?!{never}|(?:{person})(?!民))"


@lru_cache(maxsize=1)
def _unit_list() -> re.Pattern:
    """A line that is nothing but unit names and a role verb: "X、Y按职责分工负责。"."""
    role = _role_source()
    return re.compile(rf"{role}(?:[,;]{role})*[^,;。]{{0,6}}[。.]?")


@lru_cache(maxsize=1)
def _leading_units() -> re.Pattern:
    role = _role_source()
    return re.compile(rf"({role}(?:[,;]{role})*)[ \t]*:")


def leading_units(folded: str, pos: int) -> tuple[int, int] | None:
    """(end of the units, start of the text) when a measure opens with its units, their
    role verb and a colon: "4.市人社局牵头负责：推进…" (tests/parsing/documents d24, fixture
    styles/wenlv_leading.txt in ASCII)."""
    found = _leading_units().match(folded, pos)
    return (found.end(1), found.end()) if found else None


def is_attribution(content: str) -> bool:
    """Whether folded bracket content names units: a label, or "X、Y负责"."""
    if not content.strip() or len(content) > _MAX_ATTRIBUTION:
        return False
    if _label_pattern().search(content):
        return True
    # "…负责" must end the bracket and the bracket must not be a sentence
    if _verb_ending().search(content):
        return "。" not in content.rstrip("。. ")
    # … or end it before a note saying the first of them leads, which governs the brackets
    # below too ("X、Y、Z按职责分工负责，排在第一位的为牵头单位，下同": round 38, tests/parsing/
    # documents d407, fixture styles/fenggong_xiatong.txt); the note names no unit
    note = _FIRST_LEAD_NOTE_END.search(content) if "牵头" in content else None
    return note is not None and note.start() > 0 and is_attribution(content[: note.start()])


# "排在首位的为牵头单位", "列第一位者为牵头单位", "第一个单位为牵头单位": the first unit leads.
FIRST_IS_LEAD = re.compile(
    r"(?:排在|排|列在|列|位列|位于)?(?:首位|第一位|第一个|第一)(?:的|者)?(?:单位|部门)?"
    r"(?:为|是)牵头(?:单位|部门)"
)
# … as a bracket's last field (folded), "，下同" after it or not
_FIRST_LEAD_NOTE_END = re.compile(rf"[,;]\s*{FIRST_IS_LEAD.pattern}(?:[,;]?\s*下同)?[。.]?\s*$")


# A number that opens the next item, right after the last unit of an attribution.
# (第N条 / 第N节 too: "…责任单位:县住建局、县供电公司第四条　消除…", d19 printed run-in,
# an article after its label line as d02's articles after their brackets)
_NEXT_NUMBER = re.compile(
    r"\d{1,3}[.、](?!\d)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、"
    r"|第[一二三四五六七八九十百]{1,5}(?:[条节章]|部分)"
    r"|任务[一二三四五六七八九十\d]{1,3}:"  # d48 run in, fixture styles/renwu_blocks.txt
    r"|[〔【]\d{1,3}[〕】]"  # round 14: d162 run in, after 整改时限：长期坚持
    # 第2项　after the last field of 第1项 (d84 run in, fixture styles/xiaofang_diyixiang.txt)
    r"|第[一二三四五六七八九十\d]{1,3}[项条](?:\s|:)"
    # B. after the last unit of A.'s label lines (round 11: d104 and fixture
    # styles/shipin_zimu.txt printed run-in)
    r"|[A-Z][.、](?=[^\x00-\x7f])"
    # 2） after the last unit of 1）'s label line (round 17: d200 and fixture
    # styles/zhuanti_banjiaohao.txt printed run-in)
    r"|\d{1,3}\)(?=[^\x00-\x7f])"
    # （2） after the last unit of （1）'s label line, measures numbered （1）（2） under 一、
    # with no （一） level (round 20: d270 and fixture styles/kuohao_shuzi_biaoqian.txt
    # printed run-in)
    r"|\(\d{1,3}\)(?=[^\x00-\x7f])"
    # 第二， after the last unit or field value of 第一，'s label lines (round 25 leftovers:
    # d337 and fixture styles/diyi_duanluo.txt printed run-in)
    r"|第[一二三四五六七八九十]{1,3},"
)
_NEXT_REACH = 160  # characters: an attribution's fields before the next item
_FIELD_REACH = 24  # characters: a deadline or a person's name, the value of a field


def markers_after_attributions(folded: str) -> list[int]:
    """Where a numbered item starts right after an attribution that is not bracketed, in a
    copy that lost its line breaks: "…应享尽享。牵头单位:市税务局责任单位:市财政局2.清理…"
    (label fields, tests/parsing/documents d06 printed run-in) and "…权责清单。市委编办、
    市司法局按职责分工负责2.深化…" (a unit line, d07 printed run-in). Within a label field,
    or right after a role verb ending a sentence's units, a number opens the next item."""
    positions = []
    # (or 同上, another measure's units: "责任单位:同上第3条　整治…", round 11, fixtures
    # styles/anquan_tongshang.txt and styles/shuangyong_tongshang.txt printed run-in)
    endings = (*vocabulary()["unit_endings"], *vocabulary()["same_as_above"])
    for label in _label_pattern().finditer(folded):
        stop = folded.find("。", label.end(), label.end() + _NEXT_REACH)
        stop = label.end() + _NEXT_REACH if stop < 0 else stop
        for hit in _NEXT_NUMBER.finditer(folded, label.end(), min(stop, len(folded))):
            if folded.endswith(endings, 0, hit.start()) or _collective_before(
                folded, label.end(), hit.start()
            ):
                positions.append(hit.start())
                break
    # right after a field's value among the label fields: "…完成时限:2025年6月底前2.淘汰…"
    # (tests/parsing/documents d28 printed run-in, fixture styles/shuili_fields.txt run in)
    for found in _field_pattern().finditer(folded):
        stop = min(len(folded), found.end() + _FIELD_REACH)
        sentence_end = folded.find("。", found.end(), stop)
        hit = _NEXT_NUMBER.search(folded, found.end(), stop if sentence_end < 0 else sentence_end)
        if hit:
            positions.append(hit.start())
    # right after units an em dash opens: "…不少于1次。——区河长办、各镇人民政府2.开展…" (d222)
    positions.extend(end for _, end in _dash_lists(folded) if _NEXT_NUMBER.match(folded, end))
    for verb in _verb_before_number().finditer(folded):
        reach = max(0, verb.start() - _MAX_UNIT_LINE)  # bounded: a run-in copy is one line
        start = max(
            folded.rfind("。", reach, verb.start()), folded.rfind("\n", reach, verb.start())
        )
        if start >= 0 and _unit_list().fullmatch(folded, start + 1, verb.end()):
            positions.append(verb.end())
    return sorted(set(positions))


_COLLECTIVE_ITEM = 12  # characters: a collective phrase, 各乡镇(街道), 各村(社区)


def _collective_before(folded: str, start: int, at: int) -> bool:
    """Whether the last item of a label field's list, right before a number at ``at``, is a
    collective phrase (gazetteer.toml collectives.markers: 各乡镇), whose class word ends no
    unit name: "责任单位:县法院(牵头)、县司法局、各乡镇2.健全…", a units line with no closing
    punctuation run into the next measure's number (round 24: tests/parsing/documents d330
    and fixture styles/jiti_danwei_moduan.txt run in). The sequence check keeps the number
    only where its numbering expects it."""
    opening = max(folded.rfind("、", start, at), folded.rfind(",", start, at), start - 1)
    item = folded[opening + 1 : at]
    return 0 < len(item) <= _COLLECTIVE_ITEM and item.startswith(_collective_markers())


@lru_cache(maxsize=1)
def _collective_markers() -> tuple[str, ...]:
    return tuple(load_gazetteer().data["collectives"]["markers"])


@lru_cache(maxsize=1)
def _verb_before_number() -> re.Pattern:
    verbs = trie(vocabulary()["responsibility_verbs"])
    return re.compile(rf"(?:{verbs})(?={_NEXT_NUMBER.pattern})")


def is_unit_line(folded_line: str) -> bool:
    """Whether a folded line is nothing but units and a role verb: "X、Y按职责分工负责"."""
    line = folded_line.strip()
    return 0 < len(line) <= _MAX_UNIT_LINE and _unit_list().fullmatch(line) is not None


def starts_with_label(folded_line: str) -> bool:
    """Whether a folded line opens with an attribution label: "责任单位:…"."""
    return _label_pattern().match(folded_line) is not None


def contact_end(folded: str, start: int) -> int | None:
    """Where a document's contact opening at ``start`` (structure.toml contact_fields) ends:
    after the telephone number it gives, with no unit label before it; None for no contact.
    A copy printed run-in runs the text after it on: the number ends it."""
    if not folded.startswith(word_list("contact_fields"), start):
        return None
    phone = _contact_phone().search(folded, start, _line_end(folded, start))
    if phone is None:
        return None
    value = folded[start : phone.start()]
    return None if any(label in value for label in word_list("attribution_labels")) else phone.end()


@lru_cache(maxsize=1)
def _contact_phone() -> re.Pattern[str]:
    """A telephone field and its number (folded: ASCII digits, "-" for every dash)."""
    return re.compile(rf"(?:{trie(vocabulary()['contact_phones'])})\s*:?\s*[\d-]*\d")


def colon_label_start(folded: str, start: int = 0) -> int:
    """Where the first attribution label in ``folded`` from ``start`` opens when a colon
    ends it ("牵头单位:"; not a table header's "牵头单位  配合单位"), or -1 (asked of a short
    heading only: the pattern has a branch per label word)."""
    found = _label_pattern().search(folded, start)
    return -1 if found is None or not found.group().endswith(":") else found.start()


def collective_role(raw: str, phrase: str) -> str:
    """ "lead" or "responsible": the role of the label printed before ``phrase`` in an
    attribution; an unlabelled attribution ("X负责") names lead units."""
    folded = fold(raw)
    at = folded.find(fold(phrase))
    before = folded[:at] if at >= 0 else folded
    labels = [*vocabulary()["attribution_labels"], *vocabulary()["colon_labels"]]
    lead_labels = {*vocabulary()["lead_labels"], *vocabulary()["colon_lead_labels"]}
    last = max(labels, key=lambda label: before.rfind(label))
    if before.rfind(last) < 0 or last in lead_labels:
        return "lead"
    return "responsible"


@lru_cache(maxsize=1)
def _hint() -> re.Pattern:
    """What every attribution contains: a bracket, a label or a role verb."""
    words = [*vocabulary()["attribution_labels"], *vocabulary()["responsibility_verbs"]]
    return re.compile("|".join([*map(re.escape, _PAIRS), *branches(words)]))  # see branches


def find_attribution(folded_body: str) -> Located | None:
    """The first attribution in a measure's body: a bracket, labels after a sentence or on
    lines of their own, or a line of units and a role verb below the text."""
    if not _hint().search(folded_body):
        return None
    return _first_of_all(folded_body, _first_bracket(folded_body))


class AttributionIndex:
    """The attribution brackets of a whole text, paired once (brackets are paired in their
    whole context, which a part of the text cut out of it may not show), so that every
    part's first attribution is then found by bisection."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        # the labels of the whole text, found once for the brackets, the starts and every
        # part (matches of the label pattern do not overlap: their ends are in order too)
        labels = list(_label_pattern().finditer(folded))
        self._label_starts = list(map(re.Match.start, labels))  # (read by map in C)
        self._label_ends = list(map(re.Match.end, labels))
        self.brackets = _attribution_brackets(folded, self._label_starts, self._label_ends)
        self._opens = list(map(_OPEN, self.brackets))
        self._starts: list[int] | None = None
        self._bracket_lines: bool | None = None

    def find(self, start: int, end: int, pair: bool = False) -> Located | tuple[int, int] | None:
        """find_attribution for ``folded[start:end]``, offsets relative to ``start``.

        The hint is looked for only when no bracket is: an opening bracket is one. With
        ``pair``, a plain bracket — the first pair opening in the part, closing before its
        end, no dash list, no label nor line break before it — is answered by its (open,
        close) in the whole text, a tuple where find makes ``Located(open - start, open -
        start + 1, close - start)`` (structure._measure reads it at those offsets: speed28)."""
        folded, brackets = self.folded, self.brackets  # (locals: read once per part)
        first = bisect_left(self._opens, start)
        if pair and first < len(brackets):
            found = brackets[first]
            open_at = found[0]
            if found[1] < end and folded[open_at] != "-":
                after = bisect_right(self._label_ends, start + 1)
                if not (
                    after < len(self._label_starts) and self._label_starts[after] < open_at
                ) and (folded.find("\n", start, open_at) < 0):
                    return found
        bracket, limit = None, end
        for i in range(first, len(brackets)):
            open_at, close_at = brackets[i]
            if open_at >= end:
                break
            # (a dash list has no closing character: it may end where the part ends)
            if close_at < end or (close_at == end and folded[open_at] in "- "):
                # (a dash list's text ends before its two dashes: _DASH_LIST; a gap list's
                # at its gap: _GAP_LIST)
                limit = open_at - 1 if folded[open_at] == "-" else open_at
                # (made of its fields: no named tuple __new__ per part)
                bracket = _make(Located, (limit - start, open_at - start + 1, close_at - start))
                break
        if bracket is None and not _hint().search(folded, start, end):
            return None
        # Labels are looked for in the part only when a label of the whole text overlaps
        # the part before the bracket: a label the part holds is one of the text's, or lies
        # inside one (the part's first character is no label of its own: _trailing_labels).
        after = bisect_right(self._label_ends, start + 1)
        labelled = after < len(self._label_starts) and self._label_starts[after] < limit
        if bracket is not None and not labelled and folded.find("\n", start, limit) < 0:
            # no label to look for and no line below the text before the bracket (where a
            # unit line would stand): the bracket is the first, with no copy of the part
            return bracket
        return _first_of_all(folded[start:end], bracket, labelled)

    def quiet_until(self, start: int, end: int) -> int:
        """Where ``find`` may first find something in a part of ``folded[start:end]``: a
        part ending by this offset holds neither an opening bracket nor the hint (which has
        no lookaround: what it finds in a part it finds in the whole, the earliest first), so
        find finds nothing there; ``end`` when nothing in the span. One search for a
        heading's paragraphs, where each line was asked apart (speed25)."""
        at = bisect_left(self._opens, start)
        if at < len(self._opens) and self._opens[at] < end:
            end = self._opens[at]
        hint = _hint().search(self.folded, start, end)
        return end if hint is None else hint.start()

    def has_bracket_lines(self) -> bool:
        """Whether a line of the text opens with a bracket (folded: （ and 〔 read as ( and [),
        asked once per text: structure._unnumbered_measures asks it for every heading, and a
        text where none does was scanned to its end each time (two characters: some 2 ns a
        character)."""
        if self._bracket_lines is None:
            self._bracket_lines = "\n(" in self.folded or "\n[" in self.folded
        return self._bracket_lines

    def starts(self) -> list[int]:
        """Where every attribution of the text starts (see attribution_starts; found once)."""
        if self._starts is None:
            self._starts = _starts(self.folded, self.brackets, self._label_starts)
        return self._starts


def _first_of_all(folded_body: str, best: Located | None, labelled: bool = True) -> Located | None:
    """The earliest of a bracket (``best``), labels and a unit line; each later kind is
    looked for only before the earliest found so far (labels only when ``labelled``:
    the body may hold one there)."""
    limit = best.text_end if best else len(folded_body)
    labels = _trailing_labels(folded_body, limit) if labelled else None
    if labels is not None and labels.text_end < limit:
        best, limit = labels, labels.text_end
    line = _unit_line(folded_body, limit)
    if line is not None and line.text_end < limit:
        best = line
    return best or _trailing_unit_list(folded_body)


def _trailing_unit_list(folded: str) -> Located | None:
    """Units and a role verb after the body's last sentence, on its line: "…权责清单。
    市委编办、市司法局按职责分工负责" — a unit line whose line break a copy lost
    (tests/parsing/documents d07 and d05 printed run-in)."""
    body = _before_signature(folded.rstrip())
    end = body.rfind("。", 0, len(body) - 1)
    if "." in body:
        end = max(end, _last_ascii_period(body, end))
    if end < 0 or "\n" in body[end:]:
        return None
    start = end + 1 + (len(body[end + 1 :]) - len(body[end + 1 :].lstrip()))
    tail = body[start:].rstrip("。.")
    units = _without_deadline_clause(tail)
    if not units or len(tail) > _MAX_UNIT_LINE or not _unit_list().fullmatch(units):
        return None
    return Located(start, start, start + len(tail))


_DEADLINE_CLAUSE = 16  # characters: "2025年12月31日前完成" after the units' comma


def _without_deadline_clause(tail: str) -> str:
    """The units of a closing sentence without the deadline clause after them ("此项工作由
    县司法局负责,2025年12月31日前完成" / "…负责,长期坚持": round 27, d356 and fixture
    styles/shuiwu_cixiang_shixian.txt); the sentence itself when it has none."""
    if not tail.endswith(_deadline_ends()):
        return tail  # most lines: one call in C
    tail = tail.rstrip("。.")
    comma = tail.rfind(",")
    clause = tail[comma + 1 :]
    if comma < 0 or len(clause) > _DEADLINE_CLAUSE:
        return tail
    if clause[:1].isdigit() or clause in word_list("unit_line_deadline_ends"):
        return tail[:comma]
    return tail


@lru_cache(maxsize=1)
def _deadline_ends() -> tuple[str, ...]:
    """The deadline clause's last words, bare or before a sentence's stop."""
    ends = word_list("unit_line_deadline_ends")
    return (*ends, *(end + stop for end in ends for stop in "。."))


def _last_ascii_period(body: str, after: int) -> int:
    """The last ASCII period of ``body`` that ends a sentence (no decimal point: 2.5万), before
    its last character and after ``after``; -1 if none. A copy in ASCII punctuation ends its
    sentences with it: "…建设50公里.此项工作由县交通运输局牵头,县公安局配合." (fixtures
    styles/weijian_asciiunits.txt and styles/jiaotong_cixiang.txt in ASCII punctuation)."""
    at = body.rfind(".", after + 1, len(body) - 1)
    while at > after and body[at - 1 : at].isdigit() and body[at + 1 : at + 2].isdigit():
        at = body.rfind(".", after + 1, at)
    return at if at > after else -1


def attribution_starts(folded: str) -> list[int]:
    """Where every attribution of a whole text starts, in order (for counting per list).

    Labels inside an attribution bracket belong to it, and labels that follow one another
    with no sentence between ("【牵头单位】X【责任单位】Y", label lines) are one attribution.
    """
    return AttributionIndex(folded).starts()


def _starts(folded: str, brackets: list[tuple[int, int]], labels: list[int]) -> list[int]:
    starts = list(map(_OPEN, brackets))
    # A label inside the last bracket opened before it belongs to that bracket: those are
    # left out in C (most labels of a text are in brackets). k: how many brackets opened
    # before the label, the last of them at k in the lists below (0: none, a bracket that
    # holds nothing).
    inside = sorted(brackets)
    k = list(map(bisect_right, repeat(list(map(_OPEN, inside))), labels))
    opens = [-1, *map(_OPEN, inside)]
    closes = [-1, *map(_CLOSE, inside)]
    after_opening = map(lt, map(opens.__getitem__, k), labels)
    within = map(and_, after_opening, map(lt, labels, map(closes.__getitem__, k)))
    previous = -1
    lines: list[int] = []  # the labels that start an attribution on a line of their own list
    for at in compress(labels, map(not_, within)):
        if not _label_opens(folded, at):
            continue
        if previous < 0 or folded.find("。", previous, at) >= 0:
            starts.append(at)
            lines.append(at)
        previous = at
    if lines and starts:
        starts = [at for at in starts if not _tag_after_label(folded, lines, at)]
    return sorted(set(starts))


def _tag_after_label(folded: str, labels: list[int], at: int) -> bool:
    """Whether the bracket opening at ``at`` stands inside a label's list on a line the
    label opens ("责任单位：县司法局（牵头）、县法院"): a tag marking the lead, no attribution of
    its own, or each such measure counts two and its list loses the measure level to the
    headings above (round 24: tests/parsing/documents d330, fixture
    styles/qianshou_biaoqian.txt)."""
    i = bisect_left(labels, at) - 1
    if i < 0 or labels[i] == at:
        return False
    label = labels[i]
    if folded.find("\n", label, at) >= 0 or folded.find("。", label, at) >= 0:
        return False
    # a label opening its line, or right after a sentence end: where a copy printed run in
    # joined its line to the measure's last sentence ("…联络点。责任单位：县司法局（牵头）、…":
    # round 25 leftovers, fixture styles/qianshou_biaoqian.txt and d330 run in)
    before = label - 1
    while before >= 0 and folded[before] in " \t\u3000":
        before -= 1
    return before >= 0 and folded[before] in "\n。"


def bracket_pairs(folded: str) -> list[tuple[int, int]]:
    """(open, close) of bracket pairs no longer than an attribution, in order of opening.

    A stack per bracket kind; a blank line closes every bracket left open. The kinds are
    paired apart (a blank line is the only thing they share). Where a kind's brackets
    alternate, opening and closing, each closes the one before it: the pairs are read with
    no loop in Python, only the blank lines and the length checked; a kind that nests or
    leaves one open goes through its stack."""
    blanks = None  # the blank lines' starts, found when a pair holds a line break
    pairs: list[tuple[int, int]] = []
    for opening, closing in _PAIRS.items():
        if opening not in folded or closing not in folded:
            continue  # no pair: a closer with nothing open is passed over
        opens, closes = char_offsets(folded, opening), char_offsets(folded, closing)
        if (
            len(opens) == len(closes)
            and all(map(lt, opens, closes))
            and all(map(lt, closes, opens[1:]))
        ):
            # no longer than an attribution, and no blank line between an opening and its
            # closing: most pairs hold no line break at all (found in C); one that does is
            # kept when as many blank lines start before its closing as before its opening
            kept = list(map(le, map(sub, closes, opens), repeat(_MAX_ATTRIBUTION + 1)))
            broken = map(ne, map(folded.find, repeat("\n"), opens, closes), repeat(-1))
            for i in compress(count(), broken):
                blanks = _blank_lines(folded) if blanks is None else blanks
                kept[i] = kept[i] and bisect_left(blanks, opens[i]) == bisect_left(
                    blanks, closes[i]
                )
            pairs.extend(compress(zip(opens, closes, strict=True), kept))
        else:
            blanks = _blank_lines(folded) if blanks is None else blanks
            pairs.extend(_stacked(opens, closes, blanks))
    pairs.sort()
    return pairs


# A square bracket closed by the other kind in its paragraph: 【牵头单位：…〕 and 〔牵头单位：…】
# in one plan's brackets (tests/parsing/documents d116, fixture styles/zhifa_kuohao.txt; a
# line break inside when the copy is hard-wrapped, no blank line). Nothing of either kind
# inside, so 某政发〔2023〕 and a 【…】 pair are never taken.
_IN_PARAGRAPH = r"(?:[^【】〔〕\n]|\n(?![ \t\u3000]*\n))"
# One pattern per kind, each opening on its literal: the engine skips from one 【 to the
# next, where the two kinds' alternation tested a set at every character of the text. A
# match holds no bracket of either kind, so the two find what the alternation found.
_SQUARE_BY_TORTOISE = re.compile(rf"【{_IN_PARAGRAPH}{{1,{_MAX_ATTRIBUTION}}}〕")
_TORTOISE_BY_SQUARE = re.compile(rf"〔{_IN_PARAGRAPH}{{1,{_MAX_ATTRIBUTION}}}】")


def paired_square_brackets(folded: str) -> str:
    """``folded`` with each square bracket closed by the other kind closed by its own kind
    (same length: offsets still slice the text as printed)."""
    square_first = "【" in folded and "〕" in folded
    tortoise_first = "〔" in folded and "】" in folded
    if not (square_first or tortoise_first):
        return folded  # (most texts: two scans in C, no pattern)
    ends = (
        [found.end() - 1 for found in _SQUARE_BY_TORTOISE.finditer(folded)] if square_first else []
    )
    if tortoise_first:
        ends += [found.end() - 1 for found in _TORTOISE_BY_SQUARE.finditer(folded)]
    if not ends:
        return folded
    ends.sort()
    pieces, start = [], 0
    for end in ends:
        pieces += [folded[start:end], "】" if folded[end] == "〕" else "〕"]
        start = end + 1
    return "".join([*pieces, folded[start:]])


def _blank_lines(folded: str) -> list[int]:
    """Where each blank line starts, then sys.maxsize."""
    return [*(blank.start() for blank in _BLANK_LINE.finditer(folded)), sys.maxsize]


def char_offsets(text: str, char: str, plus: int = 0) -> list[int]:
    """The offset of every ``char`` in ``text`` (``plus`` added to each), read in C from the
    matches of a pattern of the one character (the engine skips to each). Speed18: a split
    copied the whole text into its pieces (the lengths of the pieces summed gave the
    offsets), a fifth more instructions than the matches and their starts (3.20 M -> 2.51 M
    for the brackets of both seeds) and a copy of the text per bracket character."""
    starts = map(_MATCH_START, _literal(char).finditer(text))
    return list(map(add, starts, repeat(plus))) if plus else list(starts)


_MATCH_START = re.Match.start


@lru_cache(maxsize=16)
def _literal(char: str) -> re.Pattern[str]:
    return re.compile(re.escape(char))


_add_one = partial(add, 1)


def _stacked(opens: list[int], closes: list[int], blanks: list[int]) -> list[tuple[int, int]]:
    """The pairs of one bracket kind read with a stack, cleared at each blank line."""
    pairs: list[tuple[int, int]] = []
    keep = pairs.append
    stack: list[int] = []
    push, pop = stack.append, stack.pop
    longest = _MAX_ATTRIBUTION + 1
    next_blank, passed = blanks[0], 0
    # openings at even numbers, closings at odd ones, in text order
    tokens = sorted([*map(mul, opens, repeat(2)), *map(_add_one, map(mul, closes, repeat(2)))])
    for token in tokens:
        index = token >> 1
        if index > next_blank:
            stack.clear()
            passed = bisect_left(blanks, index, passed + 1)
            next_blank = blanks[passed]
        if not token & 1:
            push(index)
        elif stack:
            open_at = pop()
            if len(stack) < _MAX_DEPTH and index - open_at <= longest:
                keep((open_at, index))
    return pairs


def _attribution_brackets(
    folded: str, label_starts: list[int], label_ends: list[int]
) -> list[tuple[int, int]]:
    """The bracket pairs of a text that hold an attribution (is_attribution on each
    content, the regexes run on the text in place rather than on a copy of each content;
    bracket_pairs keeps no content longer than _MAX_ATTRIBUTION).

    A content holds a label when one of the text's labels (``label_starts`` and
    ``label_ends``, in order) starts after the opening and ends by the closing: the label
    pattern looks at nothing around its match, and a label of the text cannot start before
    the opening and run into the content (it holds no opening bracket but a first 【,
    whose 】 closes the pair)."""
    verbs, verb_tails = _bracket_ending_verbs(), _verb_tails()
    same = vocabulary()["same_as_above"]
    count = len(label_starts)
    out = _dash_lists(folded)
    keep = out.append
    for pair in bracket_pairs(folded):
        open_at, close_at = pair
        first = bisect_right(label_starts, open_at)
        if first < count and label_ends[first] <= close_at:
            keep(pair)
            continue
        # Cheap gates first (most brackets are a "(市)" inside a list): a content ending
        # with a role verb ends with one of their last characters, 。/. after one, or a
        # blank; a bare list follows a sentence end, blanks perhaps between.
        if (
            folded[close_at - 1] in verb_tails
            and _ends_with_verb(folded[open_at + 1 : close_at], verbs)
            and _holds(folded, open_at, close_at)
        ) or (folded[open_at - 1] in _BEFORE_BARE and _bare_bracket(folded, open_at, close_at)):
            keep(pair)
        elif close_at - open_at < 6 and folded[open_at + 1 : close_at].strip(" 。.") in same:
            keep(pair)  # (同上) alone: the units of the measure above (same_as.py)
        elif (
            # (most brackets hold no comma nor semicolon after their first character, which
            # _verb_then_fields needs: two `in` tests on the slice, no call; str.find with
            # bounds parses its arguments, about three times the slice and both tests)
            "," in (after_first := folded[open_at + 2 : close_at]) or ";" in after_first
        ) and _verb_then_fields(folded[open_at + 1 : close_at], verbs):
            keep(pair)
    if out and out[0] != out[-1]:
        out.sort()  # (dash lists first: sorted back among the brackets)
    return out


# A list of units after an em dash at a paragraph's end ("…不少于1次。——区河长办、各镇人民政府"):
# the pair is (the second dash, the list's end), so the content is the list. Opens on its
# literal dashes (folded: ——). Round 18: tests/parsing/documents d222, fixture
# styles/pozhehao_danwei.txt.
# Printed run-in, the list ends where the next item's number starts ("…政府2.开展…", d222
# printed run-in): the shortest list before a line end or a number is taken.
_DASH_LIST = re.compile(
    rf"--([^\n。-]{{2,{_MAX_UNIT_LINE}}}?)(?=[。.]?[ \t\u3000]*(?:\n|$)|{_NEXT_NUMBER.pattern})"
)


def _dash_lists(folded: str) -> list[tuple[int, int]]:
    """The (open, close) pairs of unit lists printed after an em dash that closes a
    sentence, to the end of its line (_DASH_LIST), or set off from it by a gap of blanks
    (_GAP_LIST); nothing but unit names may follow."""
    out = _gap_lists(folded) if _GAP in folded else []
    if not _holds_two_dashes(folded):
        return out
    out += [
        (found.start() + 1, found.end(1))
        for found in _DASH_LIST.finditer(folded)
        if _after_sentence_or_its_line(folded, found.start())
        and _bare_units(found.group(1).rstrip())
    ]
    if out and out[0] != out[-1]:
        out.sort()
    return out


# Units set off after a sentence's end by a gap of blanks, as a column at the line's end
# ("1.开展…清单。        县商务局"): the pair is (the gap's last blank, the list's end). Opens on
# its literal 。 and two blanks (folded: U+3000 is a blank). A tab parts a table's cells
# (tables.py), so the gap is blanks only. Round 26: tests/parsing/documents d342, fixture
# styles/weilie_danwei.txt. Printed run-in the list ends where the next number starts.
_GAP = "。  "
_GAP_LIST = re.compile(
    rf"。  +([^\s。][^\n。\t]{{1,{_MAX_UNIT_LINE}}}?)(?=[ \t]*(?:\n|$)|{_NEXT_NUMBER.pattern})"
)


def _gap_lists(folded: str) -> list[tuple[int, int]]:
    """The (open, close) pairs of _GAP_LIST whose list is unit names only, one column: a
    table's row pasted with its cells gapped by blanks ("…办结。  县市场监管局  县公安局…  2025
    年6月底前": d280) is tables.py's."""
    return [
        (found.start(1) - 1, found.end(1))
        for found in _GAP_LIST.finditer(folded)
        if "  " not in found.group(1) and _bare_units(found.group(1).rstrip())
    ]


def _holds_two_dashes(folded: str) -> bool:
    """Whether ``"--" in folded``, found from its single dashes: one character is found by
    memchr, where two in a text of Han characters are scanned for at some 2-4 ns a character
    (17 and 81 µs on seeds 000 and 001, which hold 11 and 7 dashes and no pair)."""
    at = folded.find("-")
    while at >= 0:
        if folded.startswith("-", at + 1):
            return True
        at = folded.find("-", at + 2)  # (the next is no dash)
    return False


def _after_sentence_or_its_line(folded: str, at: int) -> bool:
    """After a sentence's end, on its line or on the next (a PDF layer breaks the line before
    the dash: "…下降16%。" over "——区水利局、区发展改革局", d222 as a ragged layer)."""
    if folded[at - 1 : at] == "\n":
        at -= 1
    return _after_sentence(folded, at)


@lru_cache(maxsize=1)
def _head_names() -> re.Pattern:
    """Unit names parted by 、, the last the shortest that ends like a unit."""
    item = rf"[^。:,;、\s]{{1,30}}?{trie(vocabulary()['unit_endings'])}"
    return re.compile(rf"(?:{item}、)*{item}")


def label_head_end(folded: str, pos: int, stop: int) -> int | None:
    """Where label fields that open a measure end when its text runs on after their last
    unit with no line break: "牵头：县自然资源局　配合：县委组织部、县农业农村局建立…" (a
    label line over the text, printed run-in or joined to the text by a hard wrap: round 18,
    tests/parsing/documents d221, fixture styles/qianzhi_biaoqian.txt); None otherwise."""
    label = _label_pattern().match(folded, pos, stop)
    while label is not None:
        following = _next_field(folded, label.end(), stop)
        if following is None:  # the last field: its shortest names, the text after them
            names = _head_names().match(folded, label.end(), stop)
            return names.end() if names else None
        label = following
    return None


_FIELD_GAP = re.compile(r"[ \t\u3000]+")


def _next_field(folded: str, start: int, stop: int) -> re.Match | None:
    """The label after a field's value when only unit names and blanks stand between."""
    for gap in _FIELD_GAP.finditer(folded, start, stop):
        label = _label_pattern().match(folded, gap.end(), stop)
        if label is not None:
            value = folded[start : gap.start()]
            return label if _head_names().fullmatch(value) else None
    return None


def is_dash_list(folded_tail: str) -> bool:
    """Whether a sentence's tail (folded, stripped) is an em dash and unit names only."""
    return folded_tail.startswith("--") and _bare_units(folded_tail[2:].rstrip("。."))


def is_gap_list(folded_tail: str) -> bool:
    """Whether a sentence's tail (folded, not stripped) is a gap of blanks and unit names
    only (_GAP_LIST: round 26, d342)."""
    units = folded_tail.strip()
    return (
        folded_tail.startswith("  ")
        and "\t" not in units
        and "  " not in units
        and _bare_units(units)
    )


def _verb_then_fields(content: str, verbs: tuple[str, ...]) -> bool:
    """Whether a bracket's content is units and their role verbs, then fields that are no
    units after a comma or semicolon: a deadline or a pace ("（县司法局牵头，县财政局配合，
    2024年9月底前完成）", "（…按职责分工负责，长期坚持）": tests/parsing/documents d146 and
    d147). The verbs must end the part before the fields, as they end a bracket without
    them. (Asked only of a bracket no other rule took; str.rfind finds each break.)"""
    cut = max(content.rfind(","), content.rfind(";"))
    if cut < 0 or len(content) > _MAX_ATTRIBUTION:
        return False
    note = _FIRST_LEAD_NOTE_END.search(content) if "牵头" in content else None
    if note is not None and note.start() > 0:  # (a first-is-lead note: is_attribution)
        content = content[: note.start()]
        if _ends_with_verb(content, verbs):
            return is_attribution(content)
        cut = max(content.rfind(","), content.rfind(";"))
    gazetteer = load_gazetteer()
    while cut > 0 and _no_units_of_its_own(gazetteer, content[cut + 1 :].strip(" 。.")):
        content = content[:cut]
        if _ends_with_verb(content, verbs):
            return is_attribution(content)
        cut = max(content.rfind(","), content.rfind(";"))
    return False


def _no_units_of_its_own(gazetteer, field: str) -> bool:
    """A field after the role verbs that is no list of units of its own: a deadline or a pace,
    or a support clause whose role its marker gives ("（县司法局牵头，配合做好全县工作）",
    "（县人社局牵头，配合白水市民政局）": round 17, units.gazetteer.is_support_clause)."""
    return gazetteer.is_not_unit(field) or gazetteer.is_support_clause(field)


# Every character str.isspace takes, as \s matches (none above U+3000), written out: the
# set made by testing each at first use cost a quarter of a parse (test_passes checks it).
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _ends_with_verb(content: str, verbs: tuple[str, ...]) -> bool:
    """Whether a bracket's content ends with a role verb, one 。 or . after it and blanks
    perhaps, as _verb_ending finds it: tested from the end in C (the pattern, searched from
    each place of the content, cost a regex call on every bracket whose last character a
    verb's last character is, 施 of 措施 and 进 of 推进 among them since round 9)."""
    content = content.rstrip(_WHITESPACE)
    if content[-1:] in ("。", "."):
        content = content[:-1]
    return content.endswith(verbs)


@lru_cache(maxsize=1)
def _verb_tails() -> frozenset[str]:
    """What a content the verb pattern ends can end with: a verb's last character, 。 or .
    after it, or a blank after them."""
    verbs = {verb[-1] for verb in _bracket_ending_verbs()}
    return frozenset(verbs | set("。.") | set(_WHITESPACE))


def _holds(folded: str, open_at: int, close_at: int) -> bool:
    content = folded[open_at + 1 : close_at]
    if folded[open_at] == "【" and _label_pattern().fullmatch(folded, open_at, close_at + 1):
        # a label's square bracket (【牵头】X【配合】Y: its role word reads as a verb) opens
        # labels after the text, no bracket of units (round 19: tests/parsing/documents
        # d250, fixture styles/fangkuang_duanbiaoqian.txt)
        return False
    return is_attribution(content) or _bare_bracket(folded, open_at, close_at)


def _bare_bracket(folded: str, open_at: int, close_at: int) -> bool:
    """A bracket after a sentence holding only unit names (【】 hold labels, not lists)."""
    return (
        folded[open_at] != "【"
        and _after_sentence(folded, open_at)
        and _bare_units(folded[open_at + 1 : close_at])
    )


def _after_sentence(folded: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and folded[i] in " \t\u3000":
        i -= 1
    return i >= 0 and folded[i] in _SENTENCE_END


@lru_cache(maxsize=1)
def _bare_item() -> re.Pattern:
    endings = trie(vocabulary()["unit_endings"])
    # a star after a name marks the lead under a note saying so ("县消防救援大队*、县住房城乡
    # 建设局": round 22, d301 and d305; pipeline._starred_lead_note)
    return re.compile(rf"[^。:\s]{{1,30}}?{endings}(?:\([^()]{{1,12}}\))?\*?")


_ITEM_BREAK = re.compile(r"[、,;]")


def _bare_units(content: str) -> bool:
    """A bracket after a sentence that holds nothing but unit names, and perhaps a field
    that is no unit (a deadline, a pace): "（市政务服务中心、市大数据局，6月底前完成）". Such
    lists, with no label and no verb, are how 分工方案 print units under a "排在首位的为牵头
    单位" note (tests/parsing/documents: d01 营商环境 and d11 节能降碳)."""
    if not content.strip() or len(content) > _MAX_ATTRIBUTION:
        return False
    gazetteer = load_gazetteer()
    names = 0
    for item in _ITEM_BREAK.split(content):
        item = item.strip()
        if not item:
            return False
        if _bare_item().fullmatch(item) or _blank_parted_names(item):
            names += 1
        elif not gazetteer.is_not_unit(item):
            return False
    return names > 0


def is_bare_unit_list(content: str) -> bool:
    """Whether a text (folded) holds nothing but unit names (_bare_units): an item of a
    division of labour printed as a list (by_number.attributions_by_list)."""
    return _bare_units(content)


_BLANK_RUN = re.compile(r"[ \t\u3000]+")


def _blank_parted_names(item: str) -> bool:
    """Names parted by blanks only, as a copy from a form prints them: "（县司法局 县公安局
    县财政局）" (round 17: tests/parsing/documents d211, fixture styles/kongge_wubiaoqian.txt);
    every part must be a name."""
    parts = _BLANK_RUN.split(item)
    return len(parts) > 1 and all(_bare_item().fullmatch(part) for part in parts)


def _first_bracket(folded: str) -> Located | None:
    dashes = _dash_lists(folded)
    for open_at, close_at in bracket_pairs(folded):
        if dashes and dashes[0][0] < open_at:
            break
        if _holds(folded, open_at, close_at):
            return Located(open_at, open_at + 1, close_at)
    return Located(dashes[0][0] - 1, dashes[0][0] + 1, dashes[0][1]) if dashes else None


def _label_opens(folded: str, at: int) -> bool:
    """A label outside brackets opens an attribution at a line start or after a sentence."""
    i = at - 1
    while i >= 0 and folded[i] in " \t\u3000\u2002\u2003":
        i -= 1
    if i < 0 or folded[i] in "\n" + _SENTENCE_END:
        return True
    if folded[i] in "]〕)】":
        # a cell gap after the bracket makes the label a table header's column name
        # (资金规模（万元）\t责任单位: round 15b, tests/parsing/documents d184, fixture
        # styles/xiangmu_danwei_header.txt)
        return "\t" not in folded[i + 1 : at]
    # a quote that closes a quoted sentence ("…达到50家。”牵头单位：…": round 15, tests/parsing/
    # documents d169 run in; fixture styles/yinhao_fields.txt run in)
    if folded[i] == "”" and i > 0 and folded[i - 1] in _SENTENCE_END:
        return True
    # an ASCII period ends a sentence when no digit stands before it (1.5万 is a number):
    # "…200件以上.配合:…" (fixture styles/fazhi_byunit.txt; d20 and d22 print ASCII periods)
    if folded[i] == "." and i > 0 and not folded[i - 1].isdigit():
        return True
    if folded[i] in "为是":
        # the predicate of a note saying who leads, no label: "注：标*的为牵头单位。" (round
        # 22: tests/parsing/documents d301), "注：排在首位的为牵头单位。" (fixture
        # styles/zhu_shouwei.txt), each on its own line under a heading
        return False
    return _after_field_value(folded, i + 1)


_FIELD_VALUE = 30  # characters: a field's value (a date, a place, a name), no clause


def _after_field_value(folded: str, at: int) -> bool:
    """A label right after the value of a field printed on its own line before it, the line
    break a copy printed run-in lost: "…活动地点：全市各景区承办单位：…" (round 21:
    tests/parsing/documents d261 printed run-in, fixture styles/huodong_ziduan.txt run in).
    A field's value is short and holds no clause (no comma, no sentence end). A label's value
    is no such field: labels one after another on a line are one attribution ("牵头：X　配合：Y"
    over the measure's text: d221, fixture styles/qianzhi_biaoqian.txt)."""
    colon = folded.rfind(":", max(0, at - _FIELD_VALUE), at)
    if colon < 1 or not "\u4e00" <= folded[colon - 1] <= "\u9fff":
        return False
    if folded.endswith(_label_words(), 0, colon):
        return False
    value = folded[colon + 1 : at]
    return bool(value.strip()) and not any(c in value for c in _CLAUSE_MARKS)


_CLAUSE_MARKS = ",;\n" + _SENTENCE_END


@lru_cache(maxsize=1)
def _label_words() -> tuple[str, ...]:
    words = vocabulary()
    return (*words["attribution_labels"], *words["attribution_fields"], *words["colon_labels"])


def _trailing_labels(folded: str, limit: int) -> Located | None:
    """Labels after the text: on lines of their own ("牵头单位:…" then "责任单位:…", blank
    lines between), or after its last sentence on the same line ("…。【牵头单位】X"); the
    first that starts before ``limit``."""
    for label in _label_pattern().finditer(folded):
        start = label.start()
        if start >= limit:
            return None
        if start == 0 or not _label_opens(folded, start) or _inside_bracket(folded, start):
            continue
        if contact_end(folded, start) is not None:
            continue  # (whom to call about the document: no units of a measure)
        end = _wrapped_value_end(folded, label.end(), _line_end(folded, start))
        end = _value_sentence_end(folded, label.end(), end)
        offset = end
        while offset < len(folded):  # further label lines below
            next_end = _line_end(folded, offset + 1)
            line = folded[offset + 1 : next_end].strip()
            if line and (not starts_with_label(line) or contact_end(line, 0) is not None):
                break  # (a contact under the last labels: d295, styles/lianxiren_biaoqian)
            if line:
                end = offset + 1 + len(folded[offset + 1 : next_end].rstrip())
                end = _wrapped_value_end(folded, _label_end(folded, offset + 1), end)
            offset = next_end
        return Located(start, start, len(folded[:end].rstrip()))
    return None


def _value_sentence_end(folded: str, value_start: int, end: int) -> int:
    """A label's value closed by 。 with a sentence after it on its line that is no label
    ("…责任单位：X、Y。本措施自印发之日起施行…", the closing paragraph a copy printed run-in
    or hard-wrapped ran into the last article's units: round 17, tests/parsing/documents
    d202 and fixture styles/tiaokuan_danwei.txt): the value ends at its 。. A field after
    it (…。整改时限：…) continues the attribution. A note's heading (说明：, 备注：, 注：) run
    into the value ends it as well (…配合单位：市教育局、市公安局说明：测评项目…: d209 and fixture
    styles/shuoming_after_labels.txt printed run-in)."""
    if ":" in folded[value_start:end]:
        note = note_heading().search(folded, value_start, end)
        end = _before_contact(folded, value_start, note.start() if note else end)
    if "各" in folded[value_start:end]:
        closing = closing_subject().search(folded, value_start, end)
        end = closing.start() if closing else end
    if "(" in folded[value_start:end]:
        # a note on the items above run into the last item's units ("…、市统计局（以上任务均需
        # 各县（市、区）人民政府落实，不再列出）三、保障措施…": round 37, tests/parsing/documents
        # d400 and fixture styles/buzai_liechu_zhangjie.txt printed run-in) ends them
        note = _NOTE_ON_ITEMS_ABOVE.search(folded, value_start, end)
        end = note.start() if note else end
    stop = folded.find("。", value_start, end)
    if (
        stop < 0
        or not folded[stop + 1 : end].strip()
        or starts_with_label(folded[stop + 1 : end].strip())
    ):
        return end
    return stop + 1


_NOTE_ON_ITEMS_ABOVE = re.compile(r"\((?=以上|上述)")


def _before_contact(folded: str, start: int, end: int) -> int:
    """Where a document's contact run into a label's value starts ("…责任单位：县司法局、
    县融媒体中心联系人：县司法局　王芳　联系电话：…", round 22: tests/parsing/documents d295
    and fixture styles/lianxiren_biaoqian.txt printed run-in; contact_end), else ``end``."""
    for field in word_list("contact_fields"):
        at = folded.find(field, start, end)
        if at > start and contact_end(folded, at) is not None:
            return at
    return end


@lru_cache(maxsize=1)
def closing_subject() -> re.Pattern[str]:
    """The subject of a closing paragraph a copy printed run-in ran into the last label's
    units, with the verb or preposition after it: "…配合单位：县融媒体中心各责任单位于2025年
    12月10日前将…" (round 20: tests/parsing/documents d271, fixture
    styles/pufa_neirong_ziduan.txt printed run-in; structure.toml closing_subjects). A
    collective unit of the list is followed by 、 or the list's end, no verb."""
    subjects = trie(vocabulary()["closing_subjects"])
    return re.compile(rf"各(?:{subjects})(?=[于要在应须务])")


@lru_cache(maxsize=1)
def note_heading() -> re.Pattern[str]:
    """A note's heading and its colon (structure.toml note_headings), longest first."""
    return re.compile(f"(?:{trie(vocabulary()['note_headings'])}):")


def _line_end(folded: str, at: int) -> int:
    end = folded.find("\n", at)
    return len(folded) if end < 0 else end


_INDENTATION = re.compile(r"[ \t\u3000]*")


def _label_end(folded: str, line_start: int) -> int:
    """Where the label opening the line at ``line_start`` ends (after its indentation)."""
    label = _label_pattern().match(folded, _INDENTATION.match(folded, line_start).end())
    return label.end() if label else _line_end(folded, line_start)


def _wrapped_value_end(folded: str, label_end: int, end: int) -> int:
    """A label alone on its line ("责任单位：") whose units wrap onto the next line: that
    line is its value (tests/parsing/documents d172 and d176, a county's and a town's plan
    printed from a two-column form); else ``end``, the label line's."""
    if folded[label_end:end].strip() or end >= len(folded):
        return end
    next_end = _line_end(folded, end + 1)
    line = folded[end + 1 : next_end].strip()
    if not line or starts_with_label(line):
        return end
    return end + 1 + len(folded[end + 1 : next_end].rstrip())


@lru_cache(maxsize=1)
def _field_pattern() -> re.Pattern:
    """A field among the label fields: "完成时限:" (one branch per first character), or
    "完成时限　" set apart from its value by blanks (d74 printed run-in, as _label_pattern)."""
    tail = r"(?:\s*:|[ \t]+(?=[^ \t\n]))"
    return re.compile("|".join(branches(vocabulary()["attribution_fields"], tail)))


def _inside_bracket(folded: str, at: int) -> bool:
    line_start = folded.rfind("\n", 0, at) + 1
    before = folded[line_start:at]
    return any(before.count(o) > before.count(c) for o, c in _PAIRS.items() if o != "【")


def _unit_line(folded: str, limit: int) -> Located | None:
    """A line below the text that is nothing but units and a role verb, starting before
    ``limit``, maybe with a deadline clause after them (a closing sentence a hard-wrapped copy
    put on a line of its own: round 27, d356 and fixture styles/shuiwu_cixiang_shixian.txt)."""
    offset = folded.find("\n", 0, limit)
    ends = _deadline_ends()
    while 0 <= offset < limit:
        line_end = folded.find("\n", offset + 1)
        line_end = len(folded) if line_end < 0 else line_end
        raw = folded[offset + 1 : line_end]
        line = raw.strip()
        if (
            line
            and len(line) <= _MAX_UNIT_LINE
            and _unit_list().fullmatch(
                _without_deadline_clause(line) if line.endswith(ends) else line
            )
        ):
            start = offset + 1 + (len(raw) - len(raw.lstrip()))
            return Located(start, start, start + len(line.rstrip("。.")))
        offset = folded.find("\n", offset + 1) if line_end < len(folded) else -1
    return None
