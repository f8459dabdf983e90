"""Plan metadata: the plan's title, issuer, date, period and parent documents.

Matching runs on a *view* of the text: folded (``normalize.fold``: full-width forms,
dashes and traditional characters) and with pinyin inserts such as ``設(shè)`` taken
out, with a map back to the source. Every string returned is cut from the source, so
it is printed exactly as in the document. The vocabulary lives in data/metadata.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from taizhang.parsing.model import Metadata
from taizhang.parsing.normalize import fold


def extract_metadata(text: str) -> Metadata:
    """Title, issuer, date, period and parents of the plan in ``text``. Never raises."""
    if not isinstance(text, str) or not text.strip():
        return Metadata()
    try:
        return _extract(text)
    except Exception:  # metadata is best effort: an odd page must not sink an import
        return Metadata()


def _extract(text: str) -> Metadata:
    view = _View.of(text)
    lines = _split_lines(view)
    region = _front_lines(lines)
    title = _find_title(view, region)
    return Metadata(
        title=title.text if title else None,
        issuer=_find_issuer(view, lines, region, title),
        date=_find_date(lines),
        period=_period(title.view if title else ""),
        parents=_find_parents(view, title),
    )


# --- vocabulary -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _vocab() -> dict:
    raw = resources.files("taizhang.parsing").joinpath("data/metadata.toml").read_text("utf-8")
    return tomllib.loads(raw)


def _alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so that it matches greedily."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    voc = _vocab()
    kind = f"(?:{_alternation(voc['title']['kinds'])})"
    # What may follow the kind and still belong to the title: a bracketed period or draft
    # marker, or a bare "2021-2025年".
    labels = voc["title"]["site_labels"]
    bracketed = [w[1:-1] for w in labels if w.startswith("(") and w.endswith(")")]
    not_label = rf"(?!(?:{_alternation(bracketed)})\))"
    suffix = rf"(?:\s*\({not_label}[^()\n]{{0,16}}\)|\s*\d{{4}}\s*-\s*\d{{4}}\s*年)"
    label = rf"(?:{_alternation(labels)}|【[^【】\n]{{0,12}}】)"
    max_label = int(voc["title"]["max_label_length"])
    prefix = rf"(?:[^:,。\n]{{1,{max_label}}}:\s*)?"
    opener = _alternation(voc["title"]["preamble_openers"])
    date = (
        r"(?:\d{4}|[〇零○O一二三四五六七八九]{4})?\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
        r"\s*[\d一二三四五六七八九十]{1,3}\s*日"
    )
    return {
        "heading": re.compile(
            rf"{prefix}(?P<open>《)?(?P<t>[^《》]{{0,80}}?(?:《[^《》]{{1,60}}》[^《》]{{0,40}}?)?"
            rf"{kind}{suffix}{{0,3}})(?(open)》|)\s*{label}{{0,3}}",
            re.S,
        ),
        "run_in": re.compile(
            rf"(?:\d{{1,2}}、)?{prefix}(?P<t>[^《》,。;:!?\s][^,。;:!?\n《》]{{1,60}}?"
            rf"{kind}{suffix}{{0,3}})(?:\s*{label}{{1,3}}(?![,。;:])|(?=\s|{opener}|$))"
        ),
        "kind_end": re.compile(rf"{kind}{suffix}{{0,3}}$"),
        "chapter": re.compile(
            r"^(?:[一二三四五六七八九十]{1,3}、|\(\s*[一二三四五六七八九十]{1,3}\s*\))"
        ),
        "signature_date": re.compile(
            rf"^(?:{date}|\d{{4}}\s*-\s*\d{{1,2}}\s*-\s*\d{{1,2}}|\d{{6,8}})$"
        ),
        "notice_words": re.compile(_alternation(voc["title"]["notice_words"])),
        "heading_noise": re.compile(r"[,。;!?|>»]"),
    }


# --- the view ---------------------------------------------------------------------------

_PINYIN = re.compile(r"\([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}\)")


@dataclass(frozen=True)
class _View:
    """Folded text without pinyin inserts, and where each of its characters sits in the source."""

    text: str
    source: str
    folded: str
    pos: tuple[int, ...]

    @classmethod
    def of(cls, source: str) -> _View:
        folded = fold(source)
        keep = [True] * len(folded)
        for m in _PINYIN.finditer(folded):
            for i in range(m.start(), m.end()):
                keep[i] = False
        pos = tuple(i for i, k in enumerate(keep) if k)
        return cls("".join(folded[i] for i in pos), source, folded, pos)

    def original(self, start: int, end: int) -> str:
        """The source characters behind view[start:end], inserts included."""
        if end <= start:
            return ""
        stop = self.pos[end - 1] + 1
        insert = _PINYIN.match(self.folded, stop)  # the reading of the last character
        return self.source[self.pos[start] : insert.end() if insert else stop]


@dataclass(frozen=True)
class _Line:
    index: int
    start: int  # view offsets of the stripped content
    end: int
    text: str


_BULLETS = " \t\u3000\u2002\u2003•·●▪◆■□-"


def _split_lines(view: _View) -> list[_Line]:
    lines = []
    offset = 0
    for index, raw in enumerate(view.text.split("\n")):
        left = len(raw) - len(raw.lstrip(_BULLETS))
        body = raw[left:].rstrip(" \t\u3000|")
        lines.append(_Line(index, offset + left, offset + left + len(body), body))
        offset += len(raw) + 1
    return lines


def _front_lines(lines: list[_Line]) -> list[_Line]:
    """Lines before the body's first chapter heading: where titles, notices and signatures sit."""
    chapter = _patterns()["chapter"]
    for i, line in enumerate(lines):
        if chapter.match(line.text):
            return lines[:i]
    return lines


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- title ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Title:
    text: str  # as printed
    view: str  # folded, for matching


def _find_title(view: _View, region: list[_Line]) -> _Title | None:
    notices = _notice_titles(view, region)
    headings = _headings(view, region)
    wanted = {_compact(t.view): t for t in notices}
    for heading in headings:
        if _compact(heading.view) in wanted:
            notice = wanted[_compact(heading.view)]
            return heading if "\n" not in heading.text.strip() else notice
    if headings:
        return headings[0]
    if notices:
        return notices[0]
    return _own_notice_title(view, region)


def _heading_like(line: _Line, first: bool) -> bool:
    pats = _patterns()
    text = line.text
    if not text or len(text) > 80 or pats["chapter"].match(text):
        return False
    if pats["heading_noise"].search(text) or pats["notice_words"].search(text):
        return False
    if pats["signature_date"].match(text):
        return False
    colon = text.find(":")
    return colon < 0 or (first and colon <= int(_vocab()["title"]["max_label_length"]))


def _headings(view: _View, region: list[_Line]) -> list[_Title]:
    """Plan headings: lines (up to three) that end with a document kind, then titles run
    into the preamble's line, each in document order."""
    full = [_heading_from(view, region, i) for i in range(len(region))]
    run_in = [_run_in_heading(view, line) for line in region]
    return [h for h in full + run_in if h]


def _heading_from(view: _View, region: list[_Line], i: int) -> _Title | None:
    if not _heading_like(region[i], first=True):
        return None
    group = [region[i]]
    j = i + 1
    while len(group) < 3 and j < len(region):
        if not region[j].text:
            j += 1
            continue
        if not _heading_like(region[j], first=False):
            break
        group.append(region[j])
        j += 1
    heading = _patterns()["heading"]
    for last in reversed(group):
        start, end = region[i].start, last.end
        m = heading.fullmatch(view.text, start, end)
        if m:
            return _title_at(view, m.start("t"), m.end("t"))
    return None


def _run_in_heading(view: _View, line: _Line) -> _Title | None:
    """A title printed on the same line as the preamble: "X实施方案为深入贯彻…"."""
    m = _patterns()["run_in"].match(view.text, line.start, line.end)
    return _title_at(view, m.start("t"), m.end("t")) if m else None


def _title_at(view: _View, start: int, end: int) -> _Title:
    printed = re.sub(r"[ \t\u3000]*\n\s*", "\n", view.original(start, end))
    return _Title(printed, view.text[start:end])


_MARKED = re.compile(r"《([^《》\n]{2,120})》")


def _notice_titles(view: _View, region: list[_Line]) -> list[_Title]:
    """Titles a covering notice or news lead transmits: 现将《X》印发…, 关于印发《X》的通知."""
    kind_end = _patterns()["kind_end"]
    before = re.compile(r"(?:现将|关于印发|关于转发|印发了|附件:?)\s*$")
    after = re.compile(r"^\s*(?:已经|已于|印发给|印发你们|转发给|主要内容|经)")
    found = []
    for line in region:
        for m in _MARKED.finditer(view.text, line.start, line.end):
            inner = m.group(1)
            if not kind_end.search(inner):
                continue
            if before.search(view.text[max(line.start, m.start() - 6) : m.start()]) or after.match(
                view.text[m.end() : m.end() + 6]
            ):
                found.append(_title_at(view, m.start(1), m.end(1)))
    return found


def _own_notice_title(view: _View, region: list[_Line]) -> _Title | None:
    """A notice that is itself the plan ("X关于分解落实…的通知"), when nothing else is titled."""
    for line in region:
        text = line.text
        own = "关于" in text and text.endswith("通知") and not re.search(r"印发|转发", text)
        if own and not _patterns()["heading_noise"].search(text):
            return _title_at(view, line.start, line.end)
    return None


# --- period -----------------------------------------------------------------------------

_SPAN = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:-|至|到|~)\s*((?:19|20)\d{2})(?!\d)")
_JOINED_SPAN = re.compile(r"\(\s*((?:19|20)\d{2})((?:19|20)\d{2})\s*年\s*\)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?!\s*年?\s*远景)")


def _period(title: str) -> list[int] | None:
    """[start, end] from the title: a span (also a parent's span printed in it) or one year."""
    m = _SPAN.search(title) or _JOINED_SPAN.search(title)
    if m:
        start, end = int(m.group(1)), int(m.group(2))
        return [start, end] if start <= end else None
    years = {int(y) for y in _YEAR.findall(title)}
    if len(years) == 1:
        year = years.pop()
        return [year, year]
    return None


# --- date -------------------------------------------------------------------------------

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
_DATE = re.compile(
    r"((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})(?!\d)"
)
_CN_DATE = re.compile(
    r"([〇零○O一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
    r"\s*([一二三四五六七八九十]{1,3})\s*日"
)
_TIME = re.compile(r"\d{1,2}:\d{2}")
_DOC_NUMBER = re.compile(r"[〔\[(﹝【]\s*((?:19|20)\d{2})\s*[〕\])﹞】]\s*\d+\s*号")


def _find_date(lines: list[_Line]) -> str | None:
    """Signing date: a signature date, else a 成文日期 field, else a trustworthy page time."""
    voc = _vocab()["date"]
    signing = page = None
    own_year = _own_number_year(lines)
    for i, line in enumerate(lines):
        label = _field_label(lines, i)
        if label is None:
            date = _signature_date(lines, i)
            if date:
                return date
            label = _unlabelled_page_time(line)
        if label is None:
            continue
        date = _parse_date(line.text)
        if not date:
            continue
        if label in voc["signing_fields"]:
            signing = signing or date
        elif _trusted_page_time(lines, i, date, own_year):
            page = page or date
    return signing or page


def _field_label(lines: list[_Line], i: int) -> str | None:
    """The page-field label a date on line i belongs to (same line, or a label-only line above)."""
    voc = _vocab()["date"]
    labels = voc["signing_fields"] + voc["page_fields"]
    text = lines[i].text
    m = _DATE.search(text)
    if m:
        found = re.search(rf"({_alternation(labels)})\s*[:|]?\s*[|]?\s*$", text[: m.start()])
        if found:
            return found.group(1)
    previous = _previous_text(lines, i)
    if m and m.start() == 0 and previous is not None:
        found = re.search(rf"({_alternation(labels)})\s*[:|]\s*$", previous)
        if found:
            return found.group(1)
    return None


def _previous_text(lines: list[_Line], i: int) -> str | None:
    for j in range(i - 1, max(-1, i - 3), -1):
        if lines[j].text:
            return lines[j].text
    return None


def _unlabelled_page_time(line: _Line) -> str | None:
    """A bare page timestamp next to a 来源 field ("2014-09-15 17:53:19  来源:")."""
    m = _DATE.match(line.text)
    if m and _TIME.search(line.text) and "来源" in line.text:
        return "时间"
    return None


def _trusted_page_time(lines: list[_Line], i: int, date: str, own_year: int | None) -> bool:
    cues = _vocab()["date"]["repost_cues"]
    nearby = " ".join(lines[j].text for j in range(max(0, i - 1), min(len(lines), i + 2)))
    if any(cue in nearby for cue in cues):
        return False
    # A page time years after the document's own number is a later repost.
    return own_year is None or int(date[:4]) == own_year


def _own_number_year(lines: list[_Line]) -> int | None:
    fields = _alternation(_vocab()["date"]["number_fields"])
    for line in lines:
        m = _DOC_NUMBER.search(line.text)
        if not m:
            continue
        before = line.text[: m.start()]
        if re.search(rf"(?:{fields})\s*[:|]?\s*\S{{0,12}}$", before) or (
            len(line.text) <= 24 and not re.search(r"[,。;]", line.text)
        ):
            return int(m.group(1))
    return None


def _signature_date(lines: list[_Line], i: int) -> str | None:
    """The date of a line that holds nothing but a date, as under a signature."""
    text = lines[i].text
    if not _patterns()["signature_date"].match(text):
        return None
    if text.isdigit():  # compact "201745": only right under a signature
        return _compact_date(text) if _signature_lines(lines, i) else None
    return _parse_date(text)


def _parse_date(text: str) -> str | None:
    m = _DATE.search(text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _CN_DATE.search(text)
    if m:
        year = int("".join(str(_CN_DIGITS[c]) for c in m.group(1)))
        return _iso(year, _cn_number(m.group(2)), _cn_number(m.group(3)))
    return None


def _cn_number(text: str) -> int:
    """一 … 三十一 as an int."""
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    tens, _, units = text.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (
        _CN_DIGITS.get(units, 0) if units else 0
    )


def _compact_date(digits: str) -> str | None:
    """ "20210305", "2017125" or "201745" as YYYYMMDD, preferring a two-digit month."""
    year, rest = int(digits[:4]), digits[4:]
    splits = (
        [(rest[:2], rest[2:]), (rest[:1], rest[1:])] if len(rest) > 2 else [(rest[:1], rest[1:])]
    )
    for month, day in splits:
        if month and day:
            date = _iso(year, int(month), int(day))
            if date:
                return date
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    if 1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


# --- issuer -----------------------------------------------------------------------------


def _find_issuer(
    view: _View, lines: list[_Line], region: list[_Line], title: _Title | None
) -> str | None:
    """The notice's signer, else its header, the title's "X关于", a news lead, a field."""
    for i, line in enumerate(lines):
        if _field_label(lines, i) is None and _patterns()["signature_date"].match(line.text):
            signers = _signature_lines(lines, i)
            if signers:
                return _join_names(view, signers)
    header = _header_issuer(view, region)
    field = _catalogue_issuer(view, lines)
    if header:
        if field and _compact(fold(field)).endswith(_compact(fold(header))):
            return field  # the header elides the place name: "县人民政府办公室"
        return header
    return _title_issuer(title) or _lead_issuer(view, region) or field


def _is_body(name: str) -> bool:
    endings = _vocab()["issuer"]["body_endings"]
    return (
        len(name) >= 2
        and not re.search(r"[\d,。:;《》“”\"()]", name)
        and name.endswith(tuple(endings))
    )


def _is_bodies(text: str) -> bool:
    parts = [p for p in re.split(r"[\s、]+", text) if p]
    return bool(parts) and len(text) <= 120 and all(_is_body(p) for p in parts)


def _signature_lines(lines: list[_Line], i: int) -> list[_Line]:
    """The lines of body names right above line i (blank lines between them allowed)."""
    found: list[_Line] = []
    for j in range(i - 1, max(-1, i - 30), -1):
        text = lines[j].text
        if not text:
            continue
        if not _is_bodies(text) or len(found) >= 12:
            break
        found.insert(0, lines[j])
    return found


def _join_names(view: _View, names: list[_Line]) -> str:
    printed = [view.original(n.start, n.end) for n in names]
    return re.sub(r"[ \t\u3000\u00a0]+", " ", " ".join(p.strip() for p in printed))


_HEADER_END = re.compile(r"(?:的通知|的函|通告|公告|的请示)》?$")


def _header_issuer(view: _View, region: list[_Line]) -> str | None:
    """The body before 关于 in a notice header, or on the lines just above it."""
    for i, line in enumerate(region):
        at = line.text.find("关于")
        if at < 0 or _patterns()["heading_noise"].search(line.text):
            continue
        tail = [line.text] + [region[j].text for j in range(i + 1, min(len(region), i + 3))]
        if not any(_HEADER_END.search(t) for t in tail):
            continue
        name = _strip_header_name(line.text[:at])
        if name:
            if _is_bodies(name):
                start = line.start + line.text.find(name)
                return _join_names(view, [_Line(i, start, start + len(name), name)])
            continue
        above = _signature_lines([*region[:i], _Line(i, 0, 0, "")], i)
        if above:
            return _join_names(view, above)
    return None


def _strip_header_name(text: str) -> str:
    text = re.sub(r"^.*?[〔\[(﹝]\s*\d{4}\s*[〕\])﹞]\s*\d+\s*号", "", text)  # a document number
    return text.strip().lstrip("《").removesuffix("印发").removesuffix("转发").strip()


def _catalogue_issuer(view: _View, lines: list[_Line]) -> str | None:
    fields = _alternation(_vocab()["issuer"]["fields"])
    pattern = re.compile(rf"(?:{fields})\s*[:|]\s*([^\s|:]{{2,60}})")
    for line in lines[:60]:
        m = pattern.search(view.text, line.start, line.end)
        if m and _is_bodies(m.group(1)):
            return view.original(m.start(1), m.end(1))
    return None


def _title_issuer(title: _Title | None) -> str | None:
    """The issuer printed in the plan's own title: "X关于在全市…的规划"."""
    if title is None or "关于" not in title.view:
        return None
    at = fold(title.text).find("关于")
    name = re.sub(r"\s+", " ", title.text[:at].strip()) if at > 0 else ""
    return name if name and _is_bodies(fold(name)) else None


def _lead_issuer(view: _View, region: list[_Line]) -> str | None:
    """A news lead: "近日,市委、市政府印发了《…》"."""
    verbs = _alternation(_vocab()["issuer"]["lead_verbs"])
    pattern = re.compile(rf"([^,。;:《》\s]{{2,40}}?)(?:{verbs})《")
    for line in region:
        for m in pattern.finditer(view.text, line.start, line.end):
            name = re.sub(r"^(?:近日|日前|近期|最近)", "", m.group(1))
            if _is_bodies(name):
                start = m.end(1) - len(name)
                return view.original(start, m.end(1))
    return None


# --- parents ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ref:
    start: int  # view offsets of the title's content, marks excluded
    end: int


def _find_parents(view: _View, title: _Title | None) -> list[str]:
    """Titles of the documents the preamble says this plan implements."""
    text = view.text
    own = _compact(title.view) if title else None
    aliases = _aliases(text)
    found: list[str] = []
    for ref in _title_refs(view, title) + _basis_refs(text[: _preamble_end(text)][:_PREAMBLE_MAX]):
        start, end = _inner_title(text, ref)
        key = _compact(text[start:end])
        if key in aliases:
            start, end = aliases[key]
        name = text[start:end]
        if _is_law(name) or _compact(name) == own or end - start < 4:
            continue
        printed = view.original(start, end).strip()
        if _compact(fold(printed)) not in {_compact(fold(p)) for p in found}:
            found.append(printed)
    return found


_PREAMBLE_MAX = 20000  # characters; a preamble never runs this long


def _preamble_end(text: str) -> int:
    """Where the preamble and the first chapter's lead end: the first (一), 二、 or 第二条."""
    m = re.search(r"(?:^|\n|。)[ \t\u3000]*(?:\(一\)|二、|第二条)", text)
    return m.start() + 1 if m else len(text)


def _title_refs(view: _View, title: _Title | None) -> list[_Ref]:
    """Documents named in book-title marks inside the plan's own title."""
    if title is None:
        return []
    at = view.text.find(title.view)
    if at < 0:
        return []
    return [
        _Ref(m.start(1), m.end(1)) for m in _MARKED.finditer(view.text, at, at + len(title.view))
    ]


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"[。\n]", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _basis_refs(text: str) -> list[_Ref]:
    voc = _vocab()["parents"]
    past = tuple(voc["past_cues"])
    refs: list[_Ref] = []
    for start, end in _sentences(text):
        if text[start:end].lstrip(" \t\u3000\u2002").startswith(past):
            continue
        marked = _closed_titles(text, start, end)
        if marked:
            refs += [r for r in marked if _governed(text, start, end, r, marked)]
        else:
            refs += _unmarked_titles(text, start, end)
    return refs


def _closed_titles(text: str, start: int, end: int) -> list[_Ref]:
    """《…》 titles in text[start:end]; one left open before "、《" ends at the 、."""
    refs = []
    i = text.find("《", start, end)
    while i >= 0:
        close = text.find("》", i + 1, end)
        reopen = text.find("《", i + 1, end)
        if reopen >= 0 and (close < 0 or reopen < close):
            if text[reopen - 1] == "、":
                refs.append(_Ref(i + 1, reopen - 1))
            i = reopen
            continue
        if close < 0:
            break
        refs.append(_Ref(i + 1, close))
        i = text.find("《", close + 1, end)
    return refs


def _outside_marks(text: str, start: int, end: int, refs: list[_Ref]) -> str:
    """text[start:end] with the contents of titles blanked, so cues match outside marks only."""
    chars = list(text[start:end])
    for ref in refs:
        for k in range(ref.start - start, ref.end - start):
            chars[k] = "\x00"
    return "".join(chars)


def _governed(text: str, start: int, end: int, ref: _Ref, refs: list[_Ref]) -> bool:
    """Whether a basis verb governs the title, with no end of the basis clause in between."""
    voc = _vocab()["parents"]
    outside = _outside_marks(text, start, end, refs)
    before = outside[: ref.start - start]
    if re.search(rf"(?:{_alternation(voc['alias_cues'])})\s*(?:为)?\s*《$", before):
        return False
    verbs = list(re.finditer(rf"{_alternation(voc['verbs'])}|结合(?=《)", before))
    ends = list(re.finditer(rf"(?:{_alternation(voc['end_cues'])})(?!《)", before))
    if verbs and (not ends or ends[-1].start() < verbs[-1].start()):
        return True
    return _backward_cued(outside, ref.end - start)


def _backward_cued(outside: str, at: int) -> bool:
    """Titles followed by "确立的" / "确定的": the plan serves the goals they set."""
    cues = _alternation(_vocab()["parents"]["backward_cues"])
    rest = outside[at:]
    skip = re.match(r"(?:》|\([^()\n]{0,30}\)|[、和及与]|以及|《\x00*)*", rest)
    return bool(re.match(cues, rest[skip.end() if skip else 0 :]))


def _unmarked_titles(text: str, start: int, end: int) -> list[_Ref]:
    """Titles printed without marks in a basis clause, as on sites that strip them.

    Only notices ("关于印发X的通知") and titles carrying a period ("…纲要(2020-2025年)")
    count: their boundaries can be read without marks.
    """
    voc = _vocab()["parents"]
    kind = _alternation(_vocab()["title"]["kinds"])
    refs = []
    for verb in re.finditer(_alternation(voc["verbs"]), text[start:end]):
        span_start = start + verb.end()
        stop = re.search(rf"{_alternation(voc['end_cues'])}", text[span_start:end])
        # a basis clause is short; the cap keeps run-on text without 。 linear
        span_end = min(span_start + stop.start() if stop else end, span_start + 400)
        notices = list(re.finditer(r"关于(?:印发|转发)(.{2,80}?)的通知", text[span_start:span_end]))
        refs += [_Ref(span_start + m.start(1), span_start + m.end(1)) for m in notices]
        rest = re.sub(
            r"关于(?:印发|转发).{2,80}?的通知",
            lambda m: "\x00" * len(m.group()),
            text[span_start:span_end],
        )
        for piece in re.finditer(r"(?:[^、,;\x00)]|\)(?!以及|和|及|与))+\)?", rest):
            ref = _period_titled(text, span_start + piece.start(), span_start + piece.end(), kind)
            if ref:
                refs.append(ref)
    return refs


def _period_titled(text: str, start: int, end: int, kind: str) -> _Ref | None:
    voc = _vocab()["parents"]
    verbs, prefixes = _alternation(voc["verbs"]), _alternation(voc["issuer_prefixes"])
    lead = rf"^(?:{verbs}|以及|和|及|与)*(?:{prefixes})?"
    m = re.match(lead, text[start:end])
    begin = start + (m.end() if m else 0)
    pattern = rf"[^\s\x00]{{2,50}}?(?:{kind})\s*\(\s*\d{{4}}\s*-?\s*\d{{4}}\s*年?\s*\)"
    found = re.match(pattern, text[begin:end])
    return _Ref(begin, begin + found.end()) if found else None


def _inner_title(text: str, ref: _Ref) -> tuple[int, int]:
    """The plan a notice names: 关于印发〈X〉的通知 -> X; other titles stay as they are."""
    name = text[ref.start : ref.end]
    m = re.search(r"(?:印发|转发)\s*[〈<《]\s*([^〈〉<>《》]{2,120}?)\s*[〉>》]\s*的?通知$", name)
    if not m:
        m = re.search(r"关于(?:印发|转发)\s*([^〈〉<>《》]{2,120}?)的通知$", name)
    return (ref.start + m.start(1), ref.start + m.end(1)) if m else (ref.start, ref.end)


def _aliases(text: str) -> dict[str, tuple[int, int]]:
    """《纲要》 -> the full title it abbreviates, from "《X》(以下简称《纲要》)"."""
    cues = _alternation(_vocab()["parents"]["alias_cues"])
    found = {}
    for m in re.finditer(
        rf"《([^《》\n]{{2,120}})》\s*\(\s*(?:{cues})\s*《([^《》\n]{{1,20}})》", text
    ):
        found[_compact(m.group(2))] = (m.start(1), m.end(1))
    return found


def _is_law(name: str) -> bool:
    voc = _vocab()["parents"]
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", name).strip()
    return bare.endswith(tuple(voc["law_endings"])) and not bare.endswith(
        tuple(voc["not_law_endings"])
    )
