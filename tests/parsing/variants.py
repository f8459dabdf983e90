"""Seed variants made in the tests: the same plan as other publishers and copies print it.

Each function takes a plan's text and returns another printing of it; ``convert_gold``
applies a character mapping to a gold document when a variant changes the characters.
Randomness is seeded, so a variant is the same on every run.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

_HAN = re.compile(r"[\u4e00-\u9fff]")
_PARAGRAPH_END = "。;;!?]〕】)"


def width(text: str) -> float:
    """Visual width in full-width characters: ASCII takes half a cell."""
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


def hard_wrapped(text: str, columns: int = 30) -> str:
    """Every paragraph broken every ``columns`` characters, as plain-text mail and some
    copies print it; paragraphs stay on separate lines."""
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        out += [stripped[i : i + columns] for i in range(0, len(stripped), columns)]
    return "\n".join(out)


def ragged_pdf(text: str, seed: int = 1) -> str:
    """A PDF text layer: lines broken at a visual width of 33 to 35 cells (glyph widths
    vary), so a line may end in ")" or "。" in the middle of a paragraph."""
    rng = random.Random(seed)
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        current, used, limit = "", 0.0, 33 + rng.random() * 2
        for char in stripped:
            step = width(char)
            if used + step > limit:
                out.append(current)
                current, used, limit = "", 0.0, 33 + rng.random() * 2
            current += char
            used += step
        out.append(current)
    return "\n".join(out)


def in_word_spaces(text: str, rate: float = 0.04, seed: int = 2) -> str:
    """A stray space between two Chinese characters here and there, as PDF copies have."""
    rng = random.Random(seed)
    out = []
    for i, char in enumerate(text):
        out.append(char)
        following = text[i + 1 : i + 2]
        if _HAN.match(char) and _HAN.match(following) and rng.random() < rate:
            out.append(" ")
    return "".join(out)


def run_in(text: str) -> str:
    """Every line break removed, as document-sharing sites print a plan."""
    return "".join(line.strip() for line in text.split("\n"))


FULL_TO_ASCII = {ord(c): chr(ord(c) - 0xFEE0) for c in "（），：；［］！？．"} | {0x3000: " "}


def fullwidth(text: str) -> str:
    """ASCII punctuation printed full-width, as official documents print it."""
    table = {ord(c): chr(ord(c) + 0xFEE0) for c in "(),:;[]!?"}
    return text.translate(table)


def bracket_labels(text: str) -> str:
    """[牵头单位:X;责任单位:Y] printed as 【牵头单位】X【责任单位】Y."""

    def relabel(match: re.Match[str]) -> str:
        inner = re.sub(r"(牵头单位|责任单位)\s*[:：]\s*", r"【\1】", match.group(1))
        return inner.replace(";", "")

    return re.sub(r"[\[〔]((?:牵头单位|责任单位)[^\]〕\n]*)[\]〕]", relabel, text)


def own_line_labels(text: str) -> str:
    """The attribution on lines of its own under the measure: "牵头单位:X" / "责任单位:Y"."""

    def lines(match: re.Match[str]) -> str:
        parts = [p for p in re.split(r"[;；]\s*(?=牵头单位|责任单位)", match.group(1)) if p]
        return "\n" + "\n".join(parts)

    return re.sub(r"[\[〔]((?:牵头单位|责任单位)[^\]〕\n]*)[\]〕]", lines, text)


@lru_cache(maxsize=1)
def _to_traditional() -> dict[int, str]:
    from zhconv import zhconv as converter

    converter.loaddict()
    pairs = converter.zhcdicts["zh2Hant"]
    return {ord(s): t for s, t in pairs.items() if len(s) == 1 and len(t) == 1 and s != t}


def traditional(text: str) -> str:
    """The plan in traditional characters, one character for one."""
    return text.translate(_to_traditional())


def convert_gold(gold, convert):
    """The gold document with ``convert`` applied to every string in it."""
    if isinstance(gold, str):
        return convert(gold)
    if isinstance(gold, list):
        return [convert_gold(item, convert) for item in gold]
    if isinstance(gold, dict):
        return {key: convert_gold(value, convert) for key, value in gold.items()}
    return gold
