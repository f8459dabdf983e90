"""Complete elided unit names with the prefix they stand for.

Plans print a unit's administrative prefix once and elide it while it repeats
("市司法局、公安局" means "市公安局"), so an elided name takes the prefix of the nearest
full name before it, else the document's level. A party committee body ("组织部") takes
the committee's name instead ("市委组织部").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from taizhang.parsing.units.gazetteer import Gazetteer
from taizhang.parsing.units.items import HAN

# A reading in brackets with a tone mark, as some sites print after each character.
_PINYIN = re.compile(r"\([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}\)")


def alias_start(name: str) -> int:
    """Where a trailing alias "(州精神文明办)" begins, or len(name); pinyin "(fā)" stays."""
    if not name.endswith(")"):
        return len(name)
    opening = name.rfind("(")
    inner = name[opening + 1 : -1]
    if opening > 0 and ")" not in inner and HAN.search(inner):
        return len(name[:opening].rstrip())
    return len(name)


@dataclass
class NameCompleter:
    """Completes the names of one bracket in order, remembering the last full name."""

    gaz: Gazetteer
    level: str | None
    prefix: str | None = None  # as printed, from the last full name
    last_category: str | None = None

    def complete(self, printed: str, folded: str) -> tuple[str, str | None]:
        """The name as it should be listed, and its category (None when unknown)."""
        cut = alias_start(folded)
        printed, folded = printed[:cut], folded[:cut]
        if _PINYIN.search(
            folded
        ):  # "經(jīng)開區管委會": read without the readings, kept as printed
            return printed, self.gaz.category(_PINYIN.sub("", folded))
        category = self.gaz.category(folded)
        if self.gaz.keeps_as_written(folded):
            return printed, category
        prefix_length = self.gaz.prefix_length(folded)
        if prefix_length:
            self.prefix = printed[:prefix_length]
            self.last_category = category
            return printed, category
        prefix = self.prefix or self.level
        if self.gaz.is_committee_body(folded, after_party=self.last_category == "party"):
            category = "party"
            printed = self.gaz.committee(prefix) + printed if prefix else printed
        elif prefix and category is not None:  # an unknown name is left as printed
            printed = prefix + printed
        self.last_category = category
        return printed, category
