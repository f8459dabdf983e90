"""The plan's date: when it was signed, or failing that when a trustworthy page put it up.

Best first: the date under a signature; a signing field (成文日期); a page time (发布时间),
unless it is a forum or repost time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial

from taizhang.parsing.metadata.date_text import NUMERIC_DATE, parse_date, parse_digits_date
from taizhang.parsing.metadata.signature import signed_date, signer_lines
from taizhang.parsing.metadata.text import Line, Lines, word_ends
from taizhang.parsing.metadata.vocabulary import alternation, vocabulary

_CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}")
# A document number, "某政发〔2006〕275号", its year in group 1.
_DOCUMENT_NUMBER = re.compile(r"[〔\[(﹝【]\s*((?:19|20)\d{2})\s*[〕\])﹞】]\s*\d+\s*号")
_SENTENCE_MARK = re.compile(r"[,。;]")
# A line this short holding a document number is the number line under a notice header.
_MAX_NUMBER_LINE = 24
_LATE_POSTING_MONTHS = 2  # a December plan may be posted in January or February
_LABEL_LINES_ABOVE = 2  # how far above a date its field label may stand, blank lines included


@dataclass(frozen=True)
class _Patterns:
    label_before: re.Pattern[str]  # a field label right before a date, group 1
    label_alone: re.Pattern[str]  # a line ending with a field label and a colon, group 1
    number_field: re.Pattern[str]  # a document number field ending a line's text


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    words = vocabulary()["date"]
    labels = alternation(words["signing_fields"] + words["page_fields"])
    number_fields = alternation(words["number_fields"])
    return _Patterns(
        label_before=re.compile(rf"({labels})\s*[:|]?\s*[|]?\s*$"),
        label_alone=re.compile(rf"({labels})\s*[:|]\s*$"),
        number_field=re.compile(rf"(?:{number_fields})\s*[:|]?\s*\S{{0,12}}$"),
    )


def find_date(lines: Lines, view_text: str, *, reported: bool = False) -> str | None:
    """Signing date: a signature date, else a signing field, else a trustworthy page time.

    ``reported``: the text is a news report about the plan (a news lead, "近日，X印发了
    《…》"); its page time dates the report, so it is not used."""
    signing_fields = vocabulary()["date"]["signing_fields"]
    signing = page = None
    # the document number's year, read when a page time is first weighed (most texts have none)
    number_year = cache(partial(_document_number_year, lines, view_text))
    for i in _date_lines(lines, view_text):
        line = lines[i]
        label = field_label(lines, i)
        if label is None:
            date = _signature_date(lines, i)
            if date:
                return date  # a signature outranks every page field
            text = _bare_page_time(line)
            if text is None:
                continue
        else:
            text = line.text
        date = parse_date(text)
        if not date:
            continue
        if label in signing_fields:
            signing = signing or date
        elif not reported and _is_trusted_page_time(lines, i, date, number_year):
            page = page or date
    return signing or page


def _date_lines(lines: Lines, view_text: str) -> list[int]:
    """The lines find_date may take a date from, in order (a superset): each line ending like
    a date (a signature's date line), and the lines where a numeric date stands right after
    a field's label (field_label), opens the line under a label standing alone (up to two
    lines down), or opens a line holding a source field (a bare page time).

    The labels and source fields are found by their last character (期 of 日期, 间 of 时间,
    源 of 来源: text.word_ends), and a date is tried only right after them and at the start
    of the lines below (a pattern tried on every line took as long as the rest of the
    date's reading)."""
    found = set(lines.ending_like_a_date())
    texts, starts = lines.texts, lines.starts
    words = vocabulary()["date"]
    for at in word_ends(view_text, tuple(words["source_fields"])):
        i = bisect_right(starts, at) - 1  # the line holding it (-1: none does)
        if i >= 0 and (
            NUMERIC_DATE.match(texts[i])
            or _run_in_stamp().search(view_text, max(starts[i], at - _STAMP_REACH), at + 1)
        ):
            found.add(i)
    for at in word_ends(view_text, tuple(words["signing_fields"] + words["page_fields"])):
        i = bisect_right(starts, at) - 1
        if i < 0:
            continue
        if NUMERIC_DATE.match(view_text, _AFTER_LABEL.match(view_text, at + 1).end()):
            found.add(i)
        below = (k for k in (i + 1, i + 2) if k < len(texts))
        found.update(k for k in below if NUMERIC_DATE.match(texts[k]))
    return sorted(found)


# What stands between a label and its date (label_before's, and more: blanks, colons, bars).
_AFTER_LABEL = re.compile(r"[\s:|]*")


def field_label(lines: Sequence[Line], i: int) -> str | None:
    """The page-field label a date on line i belongs to (same line, or a label-only line above)."""
    text = lines[i].text
    date = NUMERIC_DATE.search(text)
    if date is None:
        return None
    patterns = _patterns()
    same_line = patterns.label_before.search(text[: date.start()])
    if same_line:
        return same_line.group(1)
    if date.start() > 0:
        return None
    above = _previous_text(lines, i)
    label = patterns.label_alone.search(above) if above is not None else None
    return label.group(1) if label else None


def _previous_text(lines: Sequence[Line], i: int) -> str | None:
    for j in range(i - 1, max(-1, i - 1 - _LABEL_LINES_ABOVE), -1):
        if lines[j].text:
            return lines[j].text
    return None


def _signature_date(lines: Sequence[Line], i: int) -> str | None:
    """The date of a signature's date line (signature.signed_date)."""
    text = signed_date(lines, i)
    if text is None:
        return None
    if text.isdigit():
        # Digits only ("201745", "20220506": a copy that lost 年月日) are read as a date
        # only right under a signature, where nothing else can stand (corpus 054's "201745"
        # and the signed notice of test_metadata).
        return parse_digits_date(text) if signer_lines(lines, i) else None
    return parse_date(text)


def _bare_page_time(line: Line) -> str | None:
    """The text of a page timestamp without a label, beside a source field: "2014-09-15
    17:53:19  来源:", or None.

    The layout of news-site article headers (corpus 066, and the page of test_metadata).
    A copy printed run-in holds it inside its one line, after the title (round 14: corpus
    066 and fixture styles/xinwen_stamp.txt printed run-in): its date only is read.
    """
    text = line.text
    source_fields = vocabulary()["date"]["source_fields"]
    if not any(field in text for field in source_fields):
        return None
    if NUMERIC_DATE.match(text) is not None and _CLOCK_TIME.search(text) is not None:
        return text
    stamp = _run_in_stamp().search(text)
    return stamp.group(1) if stamp else None


_STAMP_REACH = 40  # characters before a source field that a time stamp and blanks take


@lru_cache(maxsize=1)
def _run_in_stamp() -> re.Pattern[str]:
    """A numeric date and clock time right before a source field ("…活动的意见2014-09-15
    17:53:19  来源:")."""
    fields = alternation(vocabulary()["date"]["source_fields"])
    return re.compile(
        rf"(\d{{4}}-\d{{1,2}}-\d{{1,2}})[ \u3000]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
        rf"[ \u3000]*(?={fields})"
    )


def _is_trusted_page_time(
    lines: Lines, i: int, date: str, number_year: Callable[[], int | None]
) -> bool:
    """Not a forum user's or reposting site's time (seed 001's 网友投稿), not beside a news
    byline (test_metadata's 记者), and not long after the document's number."""
    words = vocabulary()["date"]
    nearby = " ".join(lines[j].text for j in range(max(0, i - 1), min(len(lines), i + 2)))
    if any(cue in nearby for cue in words["repost_cues"] + words["report_cues"]):
        return False
    # A page time long after the document's own number is a copy put up later; a plan
    # numbered in one year is posted in that year or early in the next. Corpus 031 and 074
    # are pages put up years after their number; test_metadata posts one in the same year,
    # in the next January and in the next June.
    number = number_year()
    if number is None:
        return True
    year, month = int(date[:4]), int(date[5:7])
    return year == number or (year == number + 1 and month <= _LATE_POSTING_MONTHS)


def _document_number_year(lines: Lines, view_text: str) -> int | None:
    """The year of the document's own number: in a number field, or on a short line."""
    patterns = _patterns()
    texts = lines.texts
    # every document number ends with 号: only the lines holding one (found by str.find)
    for i in lines.holding("号", view_text):
        text = texts[i]
        number = _DOCUMENT_NUMBER.search(text)
        if not number:
            continue
        in_field = patterns.number_field.search(text[: number.start()])
        on_number_line = len(text) <= _MAX_NUMBER_LINE and not _SENTENCE_MARK.search(text)
        if in_field or on_number_line:
            return int(number.group(1))
    return None
