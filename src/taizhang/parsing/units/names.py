"""What each printed item of a bracket is, for completing elided names.

Plans print a unit's administrative prefix once and elide it while it repeats
("市司法局、公安局" means "市公安局"), so an elided name takes the prefix of the nearest
full name before it, else the document's level. A party committee body ("组织部") takes
the committee's name instead ("市委组织部").

What the gazetteer says about an item does not depend on the bracket it stands in, so
``read_name`` asks it once per printed item (``Name``) and splitting a bracket
(``BracketReader._split``) only carries the prefix from name to name: a unit named in
dozens of brackets is looked up once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from taizhang.parsing.units.gazetteer import Gazetteer
from taizhang.parsing.units.items import HAN

# A reading in brackets with a tone mark, as some sites print after each character.
PINYIN_READING = re.compile(r"\([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}\)")

# What an item is.
NOT_UNIT = "not_unit"  # a deadline or another field ("6月底前完成")
COLLECTIVE = "collective"  # "各县(市)区": listed as printed
AS_WRITTEN = "as_written"  # pinyin readings, or kept as written: takes no prefix, lends none
FULL = "full"  # starts with its prefix, which the names after it take
ELIDED = "elided"  # takes the prefix of the name before it, or the document's level


def alias_start(name: str) -> int:
    """Where a trailing alias "(州精神文明办)" begins, or len(name); pinyin "(fā)" stays."""
    if not name.endswith(")"):
        return len(name)
    opening = name.rfind("(")
    inner = name[opening + 1 : -1]
    if opening > 0 and ")" not in inner and HAN.search(inner):
        return len(name[:opening].rstrip())
    return len(name)


@dataclass(slots=True)
class Name:
    """One printed item of a bracket, as the gazetteer reads it. Never changed once read
    (not frozen only because a frozen dataclass sets each field through
    object.__setattr__: four times the cost of making one, and a document reads dozens)."""

    kind: str
    printed: str  # as printed, without a trailing alias
    category: str | None = None
    prefix_length: int = 0  # FULL: the length of its prefix
    committee_body: bool = False  # ELIDED: takes the committee's name after any name
    committee_body_after_party: bool = False  # … or after a party body
    unsplit: str | None = None  # the whole item, when it runs two names together
    level: str | None = None  # the level prefix the whole item starts with, as printed
    # FULL: its prefix as printed (printed[:prefix_length]), sliced once per document
    # rather than at each bracket that names it (BracketReader._split)
    prefix: str = ""


def read_name(gaz: Gazetteer, printed: str, folded: str) -> Name:
    """What ``printed`` (``folded`` is fold(printed)) is; the questions each kind needs only.
    The prefix length and "kept as written" are asked once and serve the level, the
    category and the kind alike."""
    # Most names are none of the four lists below (kept as written, a committee body, no
    # unit, a collective): one search of them all says so, and each is asked only when it
    # finds something.
    marked = gaz.marked(folded) is not None
    keeps = marked and gaz.keeps_as_written(folded)
    # (asked once: the prefix length and an elided name's completion both need it)
    committee = marked and gaz.is_committee_body(folded, after_party=False)
    prefix_length = gaz.prefix_length(folded, committee)
    level = None if keeps else _level(gaz, printed, folded, prefix_length)
    if marked and gaz.is_not_unit(folded):
        return Name(NOT_UNIT, printed)  # (no unit: its prefix says nothing of the level)
    if gaz.is_collective(folded, marked) and _collective_outside_note(gaz, folded):
        return Name(COLLECTIVE, printed, None, 0, False, False, None, level)
    # Two names with no separator ("县发改局县财政局"): the item is listed as printed.
    unsplit = printed if gaz.runs_names_together(folded, keeps) else None
    cut = alias_start(folded)
    if cut < len(folded):  # without its alias, the name is another text to ask about
        marked = True  # (of the name with its alias: its category asks all it asked)
        printed, folded = printed[:cut], folded[:cut]
        keeps = gaz.keeps_as_written(folded)
        committee = gaz.is_committee_body(folded, after_party=False)
        prefix_length = gaz.prefix_length(folded, committee)
    # "經(jīng)開區管委會": read without the readings (a reading opens with its bracket)
    if "(" in folded and PINYIN_READING.search(folded):
        category = gaz.category(PINYIN_READING.sub("", folded))
        return Name(AS_WRITTEN, printed, category, 0, False, False, unsplit, level)
    category = gaz.category(folded, prefix_length, not marked)
    if keeps:
        return Name(AS_WRITTEN, printed, category, 0, False, False, unsplit, level)
    if prefix_length:
        # (positional: keywords cost a dict per call)
        return Name(
            FULL,
            printed,
            category,
            prefix_length,
            False,
            False,
            unsplit,
            level,
            printed[:prefix_length],
        )
    if category == "enterprise":
        # A company printed without a place is no body of the plan's government, so it
        # takes no level: 某燃气公司 (tests/parsing/documents d27), 某水务集团 (fixture
        # styles/shuili_fields.txt); seed 000 keeps 中国移动…分公司 as written too.
        return Name(AS_WRITTEN, printed, category, 0, False, False, unsplit, level)
    # (kind, printed, category, prefix_length, committee_body, committee_body_after_party,
    # unsplit, level: by position, as every Name here; keywords cost a dict per call)
    after_party = committee or gaz.is_body_after_party(folded)
    return Name(ELIDED, printed, category, 0, committee, after_party, unsplit, level)


def _collective_outside_note(gaz: Gazetteer, folded: str) -> bool:
    """Whether a collective item is one without a trailing note of what a unit includes:
    "县公安局(含各派出所)" is 县公安局, its note dropped as an alias is (round 14: tests/
    parsing/test_units_shapes.py; 县教育局（含县教育科技局） in tests/parsing/documents d132)."""
    note = folded.rfind("(")
    if note <= 0 or not folded.endswith(")"):
        return True
    head = folded[:note]
    if not folded.startswith("含", note + 1) and not head.endswith(gaz.name_endings):
        return True  # "各乡镇(街道)": the class and its variant, one collective
    # (round 17: any note after a bureau's name, "县市场监管局(各分局)", as (含…); fixtures
    # styles/peihe_tail.txt and styles/xiezhu_verbunit.txt, measure 5 of each)
    return gaz.is_collective(head)


def _level(gaz: Gazetteer, printed: str, folded: str, cut: int) -> str | None:
    """The level the prefix (the first ``cut`` characters) of a name ends with, as printed:
    a prefix of the gazetteer's is its own level (the longest it ends with), read by one
    set lookup; a place ("黔南州") by its ending (_level_of)."""
    if folded[:cut] in gaz.prefix_words:
        return printed[:cut]
    return _level_of(gaz, printed, folded[:cut], cut)


def _level_of(gaz: Gazetteer, printed: str, prefix: str, cut: int) -> str | None:
    """The level the prefix of a name ends with, as printed ("州"), or None."""
    level = gaz.level_of(prefix)
    return printed[cut - len(level) : cut] if level else None
