"""Names of issuing bodies: whether a text is a list of them, and how they are printed."""

from __future__ import annotations

import re
from functools import lru_cache

from taizhang.parsing.metadata.text import Line, View
from taizhang.parsing.metadata.vocabulary import vocabulary
from taizhang.parsing.normalize import fold
from taizhang.parsing.units.names import PINYIN_READING

# Digits and sentence or title punctuation never appear in a body's name.
_NOT_IN_NAME = re.compile(r"[\d,。:;《》“”\"()]")
# Bodies listed together are separated by blanks or 、: "市委、市政府", "中共某市委 某市人民政府".
_NAME_SEPARATOR = re.compile(r"[\s、]+")
_BLANKS = re.compile(r"[ \t\u3000\u00a0]+")
_MAX_LIST_LENGTH = 120  # characters; a longer run is a sentence, not a list of signers
# A bracketed remark in words after a name; a seal mark ("(印)", "(盖章)") when it names no
# body. A pinyin reading "(qū)" is no remark: it stays as printed.
_REMARK = re.compile(r"[ \t\u3000]*\(([^()]*[\u4e00-\u9fff][^()]*)\)")


@lru_cache(maxsize=1)
def _body_endings() -> tuple[str, ...]:
    return tuple(vocabulary()["issuer"]["body_endings"])


def is_body_name(name: str) -> bool:
    if "(" in name:
        # a name printed with pinyin readings (清城區(qū)人民政府辦公室) is read without them, as
        # the units reader reads it (round 14: corpus 052 hard-wrapped at 30, its signer under
        # a closing sentence at the margin; fixture styles/pinyin_signer.txt hard-wrapped)
        name = PINYIN_READING.sub("", name)
    if "“" in name:  # a campaign's name in quotes: 某县“双减”工作专班办公室
        name = _QUOTED_WORD.sub("", name, count=1)
    return len(name) >= 2 and not _NOT_IN_NAME.search(name) and name.endswith(_body_endings())


# A body named after a campaign prints the campaign's short name in quotes: 某县“双减”工作专班
# 办公室 (tests/parsing/documents d64), 某市“放管服”改革协调小组办公室 (fixture
# styles/fangguanfu_fields.txt). One quoted word of a few characters is part of the name;
# any other quote mark is not.
_QUOTED_WORD = re.compile(r"“[^“”\d,。:;《》\"()\s]{1,8}”")


def names_bodies(text: str) -> bool:
    """Whether folded ``text`` is nothing but the names of one or more bodies (seal marks
    after them aside)."""
    text = _without_seal_marks(text, text)
    names = [name for name in _NAME_SEPARATOR.split(text) if name]
    return bool(names) and len(text) <= _MAX_LIST_LENGTH and all(map(is_body_name, names))


def printed_names(view: View, lines: list[Line]) -> str:
    """The names on ``lines`` as printed, one space between lines and for any run of blanks;
    seal marks left out."""
    printed = []
    for line in lines:
        original = view.original(line.start, line.end)
        printed.append(_without_seal_marks(original, fold(original)).strip())
    return " ".join(map(_parted, _BLANKS.sub(" ", " ".join(printed)).split(" ")))


def _parted(name: str) -> str:
    """Two bodies of one place that a copy printed run-in ran together, parted with a blank
    where the second opens with the first's place: "中共上海市某区委宣传部上海市某区司法局",
    "中共某市某镇委员会某市某镇人民政府" (round 14: corpus 047 and 063 printed run-in; fixture
    styles/lianhe_signers.txt run in). Both parts must be bodies' names."""
    if len(name) < _TWO_NAMES:
        return name
    folded = fold(name)
    own = 2 if folded.startswith("中共") else 0
    place = _PLACE.match(folded, own)
    if place is None:
        return name
    at = folded.find(place.group(), place.end())
    if at < 0 or not (is_body_name(folded[:at]) and is_body_name(folded[at:])):
        return name
    return f"{name[:at]} {name[at:]}"


_TWO_NAMES = 10  # characters: two names of a place and a body each, at least
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}?[省市县区州旗]")  # the shortest: the first level


def _without_seal_marks(text: str, folded: str) -> str:
    """``text`` without the bracketed remarks that name no body (``folded`` is its fold)."""
    kept, start = [], 0
    for remark in _REMARK.finditer(folded):
        if not is_body_name(remark.group(1)):
            kept.append(text[start : remark.start()])
            start = remark.end()
    kept.append(text[start:])
    return "".join(kept)
