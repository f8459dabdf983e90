"""Who issued the plan, as printed.

Best first: the bodies signing the covering notice; the body in the notice's header
("X关于印发…的通知"), or the fuller catalogue field when the header elides the place; the
body in the plan's own title ("X关于…的规划"); a news lead ("市委、市政府印发了《…》");
a catalogue field (发文单位). A page's 来源 names the publisher, so it is never used.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from taizhang.parsing.metadata.bodies import names_bodies, printed_names
from taizhang.parsing.metadata.dates import field_label
from taizhang.parsing.metadata.signature import signed_date, signer_lines
from taizhang.parsing.metadata.text import PROSE_MARK, Line, Lines, View, compact, word_starts
from taizhang.parsing.metadata.title import Title
from taizhang.parsing.metadata.vocabulary import alternation, vocabulary
from taizhang.parsing.normalize import fold

# Everything up to a document number in front of a header: "某政发〔2021〕3号".
_LEADING_DOCUMENT_NUMBER = re.compile(r"^.*?[〔\[(﹝]\s*\d{4}\s*[〕\])﹞]\s*\d+\s*号")
_WHITESPACE = re.compile(r"\s+")
_HEADER_LINES = 3  # a notice header may break over this many lines
_CATALOGUE_LINES = 60  # catalogue fields sit at the top of a page


@dataclass(frozen=True)
class _Patterns:
    header_end: re.Pattern[str]  # how the line ending a notice header ends
    header_close: re.Pattern[str]  # the same ending anywhere in a line
    sentence_word: re.Pattern[str]  # a word of a purpose clause: no header's body name
    catalogue_field: re.Pattern[str]  # "发文机关: X", X in group 1
    news_lead: re.Pattern[str]  # "X印发了《", X in group 1
    lead_time_word: re.Pattern[str]  # "近日" in front of a news lead's issuer
    title_subject: re.Pattern[str]  # where a title's subject starts after its issuer


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    words = vocabulary()["issuer"]
    return _Patterns(
        header_end=re.compile(rf"(?:{alternation(words['header_endings'])})》?$"),
        header_close=re.compile(rf"(?:{alternation(words['header_endings'])})》?"),
        sentence_word=re.compile(alternation(words["sentence_words"])),
        catalogue_field=re.compile(
            rf"(?:{alternation(words['fields'])})\s*[:|]\s*([^\s|:]{{2,60}})"
        ),
        news_lead=re.compile(rf"([^,。;:《》\s]{{2,40}}?)(?:{alternation(words['lead_verbs'])})《"),
        lead_time_word=re.compile(rf"^(?:{alternation(words['lead_time_words'])})"),
        title_subject=re.compile(
            rf"{re.escape(vocabulary()['notice']['about'])}"
            rf"|(?:{alternation(vocabulary()['notice']['transmit_verbs'])})"
            r"|(?:19|20)\d{2}\s*年"
        ),
    )


def find_issuer(
    view: View, lines: Lines, front: list[Line], title: Title | None, news_lead: str | None
) -> str | None:
    """``news_lead``: news_lead_issuer(view, front)."""
    signers = _signers(view, lines)
    if signers:
        return signers
    header = _header_issuer(view, front)
    catalogue = _catalogue_issuer(view, lines)
    if header:
        if catalogue and compact(fold(catalogue)).endswith(compact(fold(header))):
            return catalogue  # the header elides the place name: "县人民政府办公室"
        return header
    return _title_issuer(title) or news_lead or catalogue


def _signers(view: View, lines: Lines) -> str | None:
    """The bodies above the first signature date (a date line that is not a page field)."""
    for i in lines.ending_like_a_date():  # signed_date's own first test
        if signed_date(lines, i) and field_label(lines, i) is None:
            signers = signer_lines(lines, i)
            if signers:
                return printed_names(view, signers)
    return None


def _header_issuer(view: View, front: list[Line]) -> str | None:
    """The body before 关于 in a notice header, or on the lines just above it."""
    about = vocabulary()["notice"]["about"]
    header_end = _patterns().header_end
    for i, line in enumerate(front):
        at = line.text.find(about)
        if at < 0:
            continue
        if PROSE_MARK.search(line.text):
            if not _run_in_header(line.text, at):
                continue
        else:
            header = front[i : i + _HEADER_LINES]
            if not any(header_end.search(part.text) for part in header):
                continue
        name = _header_name(line.text[:at])
        if name:
            if names_bodies(name):
                start = line.start + line.text.find(name)
                return printed_names(view, [Line(start, start + len(name), name)])
            continue
        above = signer_lines(front, i)
        if above:
            return printed_names(view, above)
    return None


def _run_in_header(text: str, about: int) -> bool:
    """Whether a line opens with a whole notice header that a copy ran into the text after
    it: "X关于印发《…》的通知黔南州…方案为深入…" (seed 000 printed run-in, and the run-in
    notice of test_run_in); the header ends at its first ending, before any sentence, and
    what stands before 关于 is no purpose clause citing a notice (corpus 045)."""
    patterns = _patterns()
    end = patterns.header_close.search(text, about)
    return (
        end is not None
        and not PROSE_MARK.search(text, 0, end.end())
        and not patterns.sentence_word.search(text, 0, about)
    )


def _header_name(text: str) -> str:
    """What stands before 关于 in a header, without a document number or a transmit verb."""
    name = _LEADING_DOCUMENT_NUMBER.sub("", text).strip().lstrip("《")
    for verb in vocabulary()["notice"]["transmit_verbs"]:
        name = name.removesuffix(verb)
    return name.strip()


def _catalogue_issuer(view: View, lines: Lines) -> str | None:
    field = _patterns().catalogue_field
    # Only a line where a field's name opens can hold the field: the pattern is tried there.
    last = min(len(lines), _CATALOGUE_LINES) - 1
    if last < 0:
        return None
    end = lines.starts[last] + len(lines.texts[last])
    places = word_starts(view.text, tuple(vocabulary()["issuer"]["fields"]), lines.starts[0], end)
    for i in sorted({bisect_right(lines.starts, at) - 1 for at in places}):
        line = lines[i]
        m = field.search(view.text, line.start, line.end)
        if m and names_bodies(m.group(1)):
            return view.original(m.start(1), m.end(1))
    return None


def _title_issuer(title: Title | None) -> str | None:
    """The issuer printed at the start of the plan's own title, before 关于 or 印发 or the
    year of an annual plan: "中共中央 国务院关于…的意见", "某县人民政府办公室2024年…要点"
    (corpus 033 before 关于; test_metadata before a year, and 中共中央). A place's concept
    ("某县法治政府建设…") runs on into the subject, so it is no issuer."""
    if title is None:
        return None
    folded = fold(title.printed)
    for end in _patterns().title_subject.finditer(folded):
        name = _WHITESPACE.sub(" ", title.printed[: end.start()].strip())
        if name and names_bodies(fold(name)):
            return name
    return None


def news_lead_issuer(view: View, front: list[Line]) -> str | None:
    """A news lead: "近日,市委、市政府印发了《…》". Its issuer when the text has one: it
    then reports that bodies issued the plan (corpus 019 and test_metadata), a news
    article about the plan."""
    patterns = _patterns()
    # The lead ends with its verb and 《: a line without them is passed over at once (the
    # pattern opens with a lazy run, tried at every character of the line).
    marks = tuple(f"{verb}《" for verb in vocabulary()["issuer"]["lead_verbs"])
    for line in front:
        if view.text.find("《", line.start, line.end) < 0 or not any(
            view.text.find(mark, line.start, line.end) >= 0 for mark in marks
        ):
            continue
        for m in patterns.news_lead.finditer(view.text, line.start, line.end):
            name = patterns.lead_time_word.sub("", m.group(1))
            if names_bodies(name):
                return view.original(m.end(1) - len(name), m.end(1))
    return None
