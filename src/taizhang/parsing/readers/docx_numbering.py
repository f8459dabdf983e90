"""Word's automatic list numbering: the label Word displays before a numbered paragraph.

Word keeps list labels ("一、", "（一）", "1.") out of the paragraph text. A paragraph is
numbered by its own w:numPr or by its style's (styles.xml, through basedOn); the definitions
live in word/numbering.xml: w:num (numId) -> w:abstractNum, whose w:lvl elements give the
start value, number format and label template of each level.

Counters belong to the abstract definition, so every w:num that shares one continues the
same sequence; a w:num with a w:lvlOverride restarts the overridden levels where it is first
used (that is how Word writes "restart numbering").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_MAX_CHAIN = 32  # basedOn / numStyleLink chains longer than this are broken files
_MAX_LETTERS = 780
_PLACEHOLDER = re.compile(r"%([1-9])")


# -- number formats ----------------------------------------------------------------------

_IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
_CHINESE_UNITS = ("", "十", "百", "千")
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_ZERO_INSIDE = "零"  # 一百零五: inside a number a skipped place is 零, alone zero is 〇
_LEGAL_UNITS = ("", "拾", "佰", "仟")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
# Unicode runs of enclosed numbers: (first value, last value, code point of the first).
_CIRCLED = ((1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1))
_PARENTHESISED = ((1, 20, 0x2474),)
_FULL_STOP = ((1, 20, 0x2488),)


def format_number(value: int, num_fmt: str) -> str:
    """``value`` written in Word's w:numFmt ``num_fmt``; unknown formats fall back to decimal."""
    if num_fmt in ("bullet", "none"):
        return ""
    if value < 0:
        return str(value)
    writer = _WRITERS.get(num_fmt)
    return writer(value) if writer else str(value)


def chinese_counting(value: int) -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 20 -> 二十, 101 -> 一百零一, 110 -> 一百一十."""
    return _counting(value, _IDEOGRAPH_DIGITS, _CHINESE_UNITS, bare_ten=True)


def _counting(value: int, digits: str, units: tuple[str, ...], *, bare_ten: bool) -> str:
    """Positional counting with 十/百/千; 零 marks skipped places (Chinese usage)."""
    if value == 0:
        return digits[0]
    if value >= 10 ** len(units):
        return str(value)
    places = str(value)
    parts: list[str] = []
    pending_zero = False
    for index, char in enumerate(places):
        digit, place = int(char), len(places) - 1 - index
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append(_ZERO_INSIDE)
            pending_zero = False
        # 十一 not 一十一: a leading 1 before 十 is silent.
        if not (bare_ten and digit == 1 and place == 1 and not parts):
            parts.append(digits[digit])
        parts.append(units[place])
    return "".join(parts)


def _japanese_counting(value: int) -> str:
    """Japanese drops every 1 before 十/百/千 and writes no 零: 百一, 千十."""
    if value == 0 or value >= 10000:
        return _IDEOGRAPH_DIGITS[0] if value == 0 else str(value)
    parts = []
    for index, char in enumerate(reversed(str(value))):
        digit = int(char)
        if digit == 0:
            continue
        numeral = "" if digit == 1 and index > 0 else _IDEOGRAPH_DIGITS[digit]
        parts.append(numeral + _CHINESE_UNITS[index])
    return "".join(reversed(parts))


def _ideograph_digits(value: int) -> str:
    return "".join(_IDEOGRAPH_DIGITS[int(c)] for c in str(value))


def _cycle(symbols: str):
    return lambda value: symbols[(value - 1) % len(symbols)] if value > 0 else str(value)


def _letters(alphabet: str):
    # Word repeats the letter past z: y, z, aa, bb ... zz, aaa; it stops at 780 (30 z's).
    def write(value: int) -> str:
        if not 0 < value <= _MAX_LETTERS:
            return str(value)
        return alphabet[(value - 1) % 26] * ((value - 1) // 26 + 1)

    return write


def _roman(value: int) -> str:
    if value <= 0 or value >= 4000:
        return str(value)
    parts = []
    for amount, symbol in _ROMAN:
        count, value = divmod(value, amount)
        parts.append(symbol * count)
    return "".join(parts)


def _enclosed(runs: tuple[tuple[int, int, int], ...]):
    def write(value: int) -> str:
        for first, last, code in runs:
            if first <= value <= last:
                return chr(code + value - first)
        return str(value)

    return write


def _full_width(value: int) -> str:
    return "".join(chr(0xFF10 + int(c)) for c in str(value))


_WRITERS = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda value: f"{value:02d}",
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting,
    "chineseLegalSimplified": lambda value: _counting(
        value, _LEGAL_DIGITS, _LEGAL_UNITS, bare_ten=False
    ),
    "japaneseCounting": _japanese_counting,
    "ideographDigital": _ideograph_digits,
    "taiwaneseDigital": _ideograph_digits,
    "japaneseDigitalTenThousand": _ideograph_digits,
    "ideographTraditional": _cycle(_HEAVENLY_STEMS),
    "ideographZodiac": _cycle(_EARTHLY_BRANCHES),
    "decimalEnclosedCircle": _enclosed(_CIRCLED),
    "decimalEnclosedCircleChinese": _enclosed(_CIRCLED),
    "ideographEnclosedCircle": _enclosed(_CIRCLED),
    "decimalEnclosedParen": _enclosed(_PARENTHESISED),
    "decimalEnclosedFullstop": _enclosed(_FULL_STOP),
    "lowerLetter": _letters("abcdefghijklmnopqrstuvwxyz"),
    "upperLetter": _letters("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerRoman": _roman,
    "upperRoman": lambda value: _roman(value).upper(),
}


# -- definitions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """One w:lvl: how a level counts and what label it shows."""

    start: int = 0  # ECMA-376: an absent w:start means 0
    num_fmt: str = "decimal"
    text: str = ""  # w:lvlText, with %1 … %9 placeholders
    restart: int | None = None  # w:lvlRestart (one-based level; 0 = never); None = default
    legal: bool = False  # w:isLgl: every placeholder in decimal
    style: str | None = None  # w:pStyle: the paragraph style linked to this level


@dataclass
class _Instance:
    """One w:num: its abstract definition's levels with its own overrides applied."""

    num_id: str
    key: str  # the abstract definition whose counters this list shares
    levels: dict[int, Level]
    overridden: frozenset[int] = field(default_factory=frozenset)


def _val(element, name: str) -> str | None:
    child = element.find(W + name) if element is not None else None
    return None if child is None else child.get(W + "val")


def _int(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _num_fmt(lvl) -> str:
    fmt = _val(lvl, "numFmt")
    if fmt is None:  # Word 2010 wraps custom formats in mc:AlternateContent; take the fallback
        fallback = lvl.find(f"{MC}AlternateContent/{MC}Fallback/{W}numFmt")
        fmt = None if fallback is None else fallback.get(W + "val")
    return fmt or "decimal"


def parse_level(lvl) -> Level:
    legal = lvl.find(W + "isLgl")
    return Level(
        start=_int(_val(lvl, "start"), 0),
        num_fmt=_num_fmt(lvl),
        text=_val(lvl, "lvlText") or "",
        restart=_int(_val(lvl, "lvlRestart")),
        legal=legal is not None and legal.get(W + "val") not in ("0", "false", "off"),
        style=_val(lvl, "pStyle"),
    )


def _levels(abstract) -> dict[int, Level]:
    levels = {}
    for lvl in abstract.findall(W + "lvl"):
        ilvl = _int(lvl.get(W + "ilvl"))
        if ilvl is not None and 0 <= ilvl <= 8:
            levels[ilvl] = parse_level(lvl)
    return levels


class _Styles:
    """Paragraph styles: each one's numPr, followed through basedOn."""

    def __init__(self, root) -> None:
        self._styles = {}
        self.default: str | None = None
        for style in root.findall(W + "style") if root is not None else ():
            style_id = style.get(W + "styleId")
            if style_id is None:
                continue
            self._styles[style_id] = style
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true"):
                self.default = style_id

    def num_pr(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a style gives its paragraphs; the nearest style in the chain wins."""
        num_id, ilvl, seen = None, None, set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            num_pr = style.find(f"{W}pPr/{W}numPr")
            num_id = num_id if num_id is not None else _val(num_pr, "numId")
            ilvl = ilvl if ilvl is not None else _int(_val(num_pr, "ilvl"))
            style_id = _val(style, "basedOn")
        return num_id, ilvl


class _Definitions:
    """numbering.xml: numId -> its levels and the abstract definition that owns the counters."""

    def __init__(self, root, styles: _Styles) -> None:
        self._abstracts = {}
        self._nums = {}
        for element in root.findall(W + "abstractNum") if root is not None else ():
            self._abstracts[element.get(W + "abstractNumId")] = element
        for element in root.findall(W + "num") if root is not None else ():
            self._nums[element.get(W + "numId")] = element
        self._styles = styles
        self._instances: dict[str, _Instance | None] = {}

    def instance(self, num_id: str) -> _Instance | None:
        if num_id not in self._instances:
            self._instances[num_id] = self._build(num_id)
        return self._instances[num_id]

    def _build(self, num_id: str) -> _Instance | None:
        num = self._nums.get(num_id)
        abstract_id = _val(num, "abstractNumId")
        abstract_id, abstract = self._resolve_link(abstract_id)
        if abstract is None:
            return None
        levels = _levels(abstract)
        overridden = set()
        for override in num.findall(W + "lvlOverride"):
            ilvl = _int(override.get(W + "ilvl"))
            if ilvl is None or not 0 <= ilvl <= 8:
                continue
            lvl = override.find(W + "lvl")
            start = _int(_val(override, "startOverride"))
            if lvl is None and start is None:  # an empty override changes nothing
                continue
            level = parse_level(lvl) if lvl is not None else levels.get(ilvl, Level())
            levels[ilvl] = level if start is None else replace(level, start=start)
            overridden.add(ilvl)
        return _Instance(num_id, abstract_id, levels, frozenset(overridden))

    def _resolve_link(self, abstract_id: str | None):
        """Follow w:numStyleLink (a list defined by a numbering style) to the real levels."""
        for _ in range(_MAX_CHAIN):
            abstract = self._abstracts.get(abstract_id)
            link = _val(abstract, "numStyleLink")
            if abstract is None or link is None:
                return abstract_id, abstract
            num_id, _ilvl = self._styles.num_pr(link)
            abstract_id = _val(self._nums.get(num_id), "abstractNumId")
        return abstract_id, None


# -- labelling -----------------------------------------------------------------------------


class ListLabeler:
    """Feed it the paragraphs in document order; it returns each one's list label.

    Never raises: a paragraph whose numbering cannot be worked out gets no label.
    """

    def __init__(self, numbering_root, styles_root) -> None:
        self._styles = _Styles(styles_root)
        self._definitions = _Definitions(numbering_root, self._styles)
        self._counters: dict[str, dict[int, int]] = {}
        self._used: set[str] = set()

    def label(self, paragraph) -> str:
        """The label Word shows before w:p element ``paragraph`` ("" when not numbered)."""
        try:
            return self._label(paragraph)
        except Exception:  # odd or broken definitions: the bare text is the safe answer
            return ""

    def _label(self, paragraph) -> str:
        found = self._numbering_of(paragraph)
        if found is None:
            return ""
        instance, ilvl = found
        level = instance.levels.get(ilvl)
        if level is None:
            return ""
        counters = self._advance(instance, ilvl)
        if level.num_fmt == "bullet":
            return ""
        return self._render(level, instance, counters)

    def _numbering_of(self, paragraph) -> tuple[_Instance, int] | None:
        p_pr = paragraph.find(W + "pPr")
        num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
        style_id = _val(p_pr, "pStyle") or self._styles.default
        style_num, style_ilvl = self._styles.num_pr(style_id)
        num_id = _val(num_pr, "numId") or style_num
        if num_id is None or num_id == "0":  # numId 0 switches numbering off
            return None
        instance = self._definitions.instance(num_id)
        if instance is None:
            return None
        ilvl = _int(_val(num_pr, "ilvl"))
        if ilvl is None:
            ilvl = style_ilvl if style_ilvl is not None else _linked_level(instance, style_id)
        return instance, ilvl

    def _advance(self, instance: _Instance, ilvl: int) -> dict[int, int]:
        counters = self._counters.setdefault(instance.key, {})
        if instance.num_id not in self._used:  # overrides restart a list where it is first used
            self._used.add(instance.num_id)
            for overridden in instance.overridden:
                counters.pop(overridden, None)
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = instance.levels[ilvl].start
        for deeper in [d for d in counters if d > ilvl]:
            restart = instance.levels.get(deeper, Level()).restart
            threshold = deeper if restart is None else restart
            if ilvl < threshold:  # a shallower level advanced: the deeper one starts over
                del counters[deeper]
        return counters

    def _render(self, level: Level, instance: _Instance, counters: dict[int, int]) -> str:
        def number(match: re.Match) -> str:
            referenced = int(match.group(1)) - 1
            shown = instance.levels.get(referenced, Level(start=1))
            value = counters.get(referenced, shown.start)
            fmt = "decimal" if level.legal and shown.num_fmt != "none" else shown.num_fmt
            return format_number(value, fmt)

        return _PLACEHOLDER.sub(number, level.text)


def _linked_level(instance: _Instance, style_id: str | None) -> int:
    """The level whose w:pStyle names the paragraph's style (heading-linked lists), else 0."""
    for ilvl, level in sorted(instance.levels.items()):
        if style_id and level.style == style_id:
            return ilvl
    return 0


def document_labels(document) -> dict:
    """w:p element -> label for every numbered paragraph of a python-docx Document.

    Paragraphs are taken in document order (body and table cells; text boxes are skipped),
    so the counters run as Word's do. Returns {} when the document has no numbering.
    """
    try:
        numbering = _numbering_root(document.part)
        if numbering is None:
            return {}
        labeler = ListLabeler(numbering, document.styles.element)
        labels = {}
        for paragraph in document.element.body.iter(W + "p"):
            if next(paragraph.iterancestors(W + "txbxContent"), None) is not None:
                continue
            label = labeler.label(paragraph)
            if label:
                labels[paragraph] = label
        return labels
    except Exception:  # a numbering part that cannot be read at all: bare text
        return {}


def _numbering_root(document_part):
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:  # not document_part.numbering_part: that one creates a part when none exists
        return document_part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
    except KeyError:
        return None
