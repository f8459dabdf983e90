"""The compiled gazetteer: what the data file knows about unit names.

``Gazetteer`` compiles the TOML data once. Its methods answer questions about a single
folded name (its administrative prefix and level, its category, whether it is a
collective); its attributes hold the compiled words the bracket syntax is read with.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from taizhang.parsing.normalize import fold
from taizhang.parsing.units.patterns import (
    NEVER,
    WholeMatch,
    contains,
    literal_first,
    wildcard_alternation,
    words,
)
from taizhang.parsing.vocabulary import branches, first_chars, trie

# The roles a field label or a marker gives the units it governs.
LEAD = "lead"
RESPONSIBLE = "responsible"

# Tried in this order; the first category that matches a name wins.
CATEGORIES = (
    "court",
    "procuratorate",
    "other",
    "party",
    "mass_organisation",
    "enterprise",
    "government",
)

# A marker swallows the short verb phrase after it ("按职责分工抓好落实") so that the
# phrase is not read as a unit; the phrase never runs past a separator or a bracket.
_VERB_CHAR = r"[^,;。、\n()]"


class Gazetteer:
    """Knowledge about unit names, compiled once from gazetteer TOML data.

    The syntax attributes (labels, markers, joiners, name_endings, openers, etc, generic)
    are read by the clause and item splitters; the methods answer questions about names.
    """

    def __init__(self, data: dict) -> None:
        self.data = data
        levels, places, phrases = data["levels"], data["places"], data["phrases"]
        collectives = data["collectives"]

        # Administrative prefixes and place names.
        self.prefixes = sorted(levels["prefixes"], key=len, reverse=True)
        self._prefix_set = tuple(self.prefixes)
        self.prefix_words = frozenset(self.prefixes)  # (a prefix is its own level: level_of)
        # The prefixes of each length, longest first: a name starts (a prefix ends) with at
        # most one prefix of a given length, so one set lookup per length answers what a
        # loop over every prefix did.
        self._prefixes_by_length = tuple(
            (length, frozenset(p for p in self.prefixes if len(p) == length))
            for length in sorted({len(p) for p in self.prefixes}, reverse=True)
        )
        # … and of those, the lengths of the prefixes opening with each character: a name
        # opens with a prefix only of a length some prefix opening with its first character
        # has (州司法局: 州's length alone, no slice and lookup for each longer length)
        self._prefixes_by_first: dict[str, tuple[tuple[int, frozenset[str]], ...]] = {
            first: tuple(
                (length, prefixes)
                for length, prefixes in self._prefixes_by_length
                if any(prefix[0] == first for prefix in prefixes)
            )
            for first in {prefix[0] for prefix in self.prefixes}
        }
        self.not_prefix = tuple(levels["not_prefix"])
        self.committee_word = levels["party_committee"]
        self._committee_names = levels["committee"]
        self.place = _place_regex(places)
        admin_chars = {*places["admin_chars"], *(prefix[-1] for prefix in self.prefixes)}
        self._admin_char = re.compile(f"[{re.escape(''.join(sorted(admin_chars)))}]")
        self.not_place = frozenset(places["not_place"])
        self.not_place_end = tuple(places.get("not_place_end", ()))

        # Bracket syntax.
        self.labels = _label_regex(data["labels"])
        self.markers = _marker_regex(phrases, levels)
        self.joiners = sorted(phrases["joiners"], key=len, reverse=True)
        self.subordinates = tuple(phrases.get("subordinates", ()))
        self.name_endings = tuple(phrases["name_endings"])
        self.not_name_endings = tuple(phrases.get("not_name_endings", ()))
        self.support_phrase_verbs = tuple(phrases.get("support_phrase_verbs", ()))
        self.support_words = tuple(phrases["support_markers"])
        self.posts = tuple(phrases.get("post_endings", ()))
        self.openers = tuple(phrases["openers"])
        self.merged_bodies = tuple(tuple(pair) for pair in phrases.get("merged_bodies", []))
        self.etc = phrases["etc"]
        self.lead_marks = tuple(phrases.get("lead_marks", ()))
        self.bare_bodies = frozenset(phrases.get("bare_bodies", ()))
        self.zone_committees = tuple(phrases.get("zone_committees", ()))
        self.not_units = WholeMatch(phrases.get("not_units", []))
        self.not_unit_exceptions = tuple(phrases.get("not_unit_exceptions", ()))
        # A field naming people (or the deadline), up to the next field: "牵头领导:副县长李某某;"
        # ends at ";" in a bracket (d15), at the end of its line among label lines (责任领导:…,
        # then 责任单位:… below: tests/parsing/documents d28), or where the next label starts
        # when a copy lost the line breaks (…副市长王某某责任单位:…, d28 printed run-in;
        # …市发展改革委完成时限:2025年6月底前, fixture styles/shuili_fields.txt run in).
        fields = [*phrases.get("person_fields", []), *phrases.get("deadline_fields", [])]
        labels = data["labels"]
        stop = words([*labels[LEAD], *labels[RESPONSIBLE], *fields])
        # (in 【】 too: "【责任单位】市直有关部门【完成时限】2024年底": tests/parsing/documents d33,
        # fixture styles/shuzi_colonroles.txt)
        # (or blanks alone: "完成时限　2024年10月底前", d74 and fixture styles/laji_blanklabels.txt)
        colon = r"(?:\s*(?:】\s*:?|:)|[ \t]+)"
        # A field in parentheses after a unit ends at its closing parenthesis, which goes with
        # it: 县教育局（分管领导：张某某）、县公安局 (round 17: tests/parsing/documents d203,
        # fixtures styles/danwei_fenguan_kuohao.txt, styles/peihe_tail.txt and styles/
        # xiezhu_verbunit.txt, measure 5 of each). A field of its own keeps a note in its value
        # whole ("牵头领导:张某(副县长);").
        self.person_field = re.compile(
            rf"\((?:{words(fields)}){colon}[^()\n;]*\)"
            rf"|【?(?:{words(fields)}){colon}(?:(?!【|{stop})(?:\([^()]*\)|[^;\n()]))*;?"
        )
        # the value of a deadline field, as far as a person field would run
        # (its branches each open with a literal character, 【 or a field's first, which the
        # engine skips to at once: an optional 【 in front made it try every place)
        deadline_words = phrases.get("deadline_fields", [])
        self.deadline_field = re.compile(
            rf"(?:【(?:{words(deadline_words)})|{'|'.join(branches(deadline_words)) or NEVER})"
            rf"{colon}\s*((?:(?!【|{stop})[^;,\n])+)"
        )
        # What a bracket of labels and lists of names does not hold: a person or deadline
        # field or a line break (each read by a pass of its own; the line break is one more
        # word of the trie, so that every branch opens with a literal character) …
        self.rare_syntax = re.compile(trie([*fields, "\n"]))
        # … nor, in most brackets, a word of a field that is no unit ("6月底前完成"): one
        # search for either finds nothing where both would find nothing, so a bracket it
        # finds nothing in needs neither asked again (BracketReader.names_only); None when
        # a not-unit pattern of another shape may match anywhere. Each word opens on the
        # character of it that a bracket's names and labels hold least (_rare_led).
        not_units = self.not_units.literal_words()
        common = {*admin_chars, *(ending[-1] for ending in self.name_endings)}
        self.rare_or_not_unit = (
            re.compile(_rare_led([*fields, "\n", *not_units], common, _label_words(labels))).search
            if not_units is not None
            else None
        )
        # … and, outside its labels, a marker (which cuts a field into clauses). Labels
        # first, so a label's own 牵头 is read as the label, as the clause splitter reads it.
        heads = [
            *phrases["division_markers"],
            *phrases["lead_markers"],
            *phrases["duty_adverbs"],
            *phrases["duty_verbs"],
            *phrases["support_markers"],
        ]
        self.labels_or_marker = _labels_or_marker_regex(
            labels, heads, phrases.get("markers_in_names", [])
        )
        # the role of each of its groups: lead_1 -> lead, marker_9 -> marker
        self.token_roles = {
            name: name.partition("_")[0] for name in self.labels_or_marker.groupindex
        }
        # The same tokens found without the groups (a match copies every group's span: 38
        # groups were about a quarter of the searches' time, speed26), each token's role
        # read from its text (token_role), and a bracket cut at them in one split, in C: the
        # fields and the tokens alternate (the pattern holds no group of its own, and no
        # token is empty), where a search from each token's end made a match and three
        # calls per token (speed29). Only the split is compiled with the gazetteer (a
        # pattern of 1,900 characters costs some 30 M instructions to compile).
        self._token_source = _NAMED_GROUP.sub("(?:", self.labels_or_marker.pattern)
        self.token_split = re.compile(f"({self._token_source})").split
        self._token_words = _token_words(labels, heads)
        # each role by the token as matched, as token_role reads it (read first by
        # BracketReader._listed_items: a method call per token cost more than the lookup)
        self.token_kinds: dict[str, str] = {}

        # Kinds of names.
        self.collective = wildcard_alternation([*collectives["markers"], *collectives["classes"]])
        self.generic = frozenset(collectives["generic"])
        self.bare_classes = frozenset(collectives.get("bare_classes", ()))
        self.bare_class_heads = tuple(collectives.get("bare_class_heads", ()))
        self.keep = WholeMatch(data["keep_as_written"]["patterns"])
        self.categories = tuple(
            _Category.compile(name, data["category"].get(name, {})) for name in CATEGORIES
        )
        self._party = self.categories[CATEGORIES.index("party")]
        # The words a party committee body prints its own level after (依法治?办: 县委依法治县办,
        # 市委依法治市办): that level is the place the body governs, inside the name, so no name
        # opens at it (tables._prefixed_ends).
        bodies = data["category"].get("party", {}).get("committee_bodies", [])
        self.inner_level_heads = tuple(
            entry.split("?")[0] for entry in bodies if "?" in entry and entry[0] != "?"
        )
        # (name, its words' search, its bodies' search) of each category, in order: the
        # loop in category() reads no attribute
        self._category_searches = tuple(
            (c.name, c.words.search if c.words else None, c.bodies.search if c.bodies else None)
            for c in self.categories
        )
        # Most names are of the last category (government: 州司法局, 州教育局), which the
        # loop reached after a search of every category before it. The words of those
        # categories joined are one search that finds one of them wherever any of them
        # would be found (an alternation matches where one of its branches does), so
        # where it finds none only their bodies' searches (the party's) are left to ask
        # before the last category: three searches where there were eight.
        *earlier, self._last_category = self._category_searches
        earlier_words = [c.words.pattern for c in self.categories[:-1] if c.words]
        self._earlier_words = (
            re.compile("|".join(earlier_words), re.DOTALL).search if earlier_words else None
        )
        self._earlier_bodies = tuple(bodies for _, _, bodies in earlier if bodies)
        # What most names are not: kept as written, a party committee body, a field that is
        # no unit, a collective phrase. Their patterns joined are one search that finds
        # nothing exactly where each of the four finds nothing (read_name asks each only
        # when it finds something).
        # (a search that may also find something in a name none of them matches, never
        # nothing in one they match: a text a list matches holds one of its words, at its
        # end if an exact word or a suffix, or matches one of its other patterns)
        # (every category's committee bodies: a body a name ends with, which category()
        # asks about, is then one of the words at its end too)
        lists = (self.keep, *(c.committee_bodies for c in self.categories), self.not_units)
        marks = literal_first(
            [
                *(entry for found in lists for entry in found.anywhere),
                *collectives["markers"],
                *collectives["classes"],
                # (a post anywhere: its holder's name may follow it, _post_and_holder)
                *self.posts,
            ],
            [entry for found in lists for entry in found.at_end],
        )
        self.marked = (marks or re.compile(NEVER)).search

    @cached_property
    def tokens(self) -> re.Pattern[str]:
        """The tokens ``token_split`` cuts at, as a search finds them (the tests ask it)."""
        return re.compile(self._token_source)

    def token_role(self, token: str) -> str:
        """The role of a token ``tokens`` found (as ``token_roles`` names its group): a
        marker is matched bare, a label with its 【, blanks or colon around it, if any;
        a word that is both (牵头, 配合) is a label only with a colon or 】 after it
        (labels' with_colon), so bare it is the marker (_token_words)."""
        kind = self.token_kinds.get(token)
        if kind is None:
            labels, markers = self._token_words
            word = token.strip(_TOKEN_MARKS)
            bare_marker = len(word) == len(token) and token in markers
            kind = "marker" if bare_marker else labels[word]
            if len(self.token_kinds) < _TOKEN_KINDS_KEPT:  # (blanks vary: a bound)
                self.token_kinds[token] = kind
        return kind

    def prefix_length(self, name: str, committee_body: bool | None = None) -> int:
        """Length of the administrative prefix of a folded full name, 0 if it is elided.
        ``committee_body``: ``is_committee_body(name, after_party=False)``, when the
        caller has asked it already."""
        if committee_body is None:
            committee_body = self.is_committee_body(name, after_party=False)
        if committee_body:
            return 0  # "依法治市办" is an elided party body, not a body of a place "依法治市"
        if not name.startswith(self.not_prefix):
            for length, prefixes in self._prefixes_by_first.get(name[:1], ()):
                if len(name) > length and name[:length] in prefixes:
                    return length
        place = self.place.match(name)
        # (a place is no word of not_place, nor ends where its admin character opens a
        # word: 美丽乡村…)
        if (
            place
            and len(name) > place.end()
            and place.group()[-2:] not in self.not_place
            and not name.startswith(self.not_place_end, place.end() - 1)
        ):
            return place.end()
        return 0

    def level_of(self, prefix: str) -> str | None:
        """The administrative level a folded prefix ends with: "银川市" -> "市"."""
        if not prefix.endswith(self._prefix_set):  # most names: one test, not one per prefix
            return None
        for length, prefixes in self._prefixes_by_length:
            ending = prefix[len(prefix) - length :] if len(prefix) >= length else None
            if ending in prefixes:
                return ending
        return None

    def committee(self, prefix: str) -> str:
        """The party committee's name for a prefix: "市" -> "市委", "自治区" -> "自治区党委"."""
        level = self.level_of(fold(prefix))
        return prefix + self._committee_names.get(level, self.committee_word)

    def keeps_as_written(self, name: str) -> bool:
        """Whether a folded name never takes an elided prefix nor lends its own."""
        return self.keep.matches(name)

    def is_not_unit(self, name: str) -> bool:
        """Whether a folded item is a deadline or another field, not a unit ("6月底前完成")."""
        if self.not_units.matches(name) and not name.endswith(self.not_unit_exceptions):
            return True
        return self._post_and_holder(name)

    def _post_and_holder(self, name: str) -> bool:
        """Whether a folded item is a post and its holder's name after it, glued or apart
        by a blank: "县长张某某", "县司法局局长　赵某" are a person, no unit (round 17: fixtures
        styles/lingdao_blank.txt and styles/peihe_tail.txt). The holder is two or three
        characters after a post of not_units, ending as no name nor place does; glued to a
        bare 县长 / 局长 it must be masked (某) or set apart, for 县长安镇 is a place."""
        if len(name) < 4 or name.endswith(self.name_endings):
            return False  # (most items: a unit's name)
        for cut in range(len(name) - 4, len(name) - 1):
            post, holder = name[:cut].rstrip(" \u3000"), name[cut:]
            if (
                post.endswith(self.posts)
                and 2 <= len(holder) <= 3
                and not self._admin_char.search(holder, len(holder) - 1)
                and (len(post) > 2 or len(post) < cut or "某" in holder)
                and self.not_units.matches(post)
            ):
                return True
        return False

    def is_support_clause(self, text: str) -> bool:
        """Whether a folded field after a bracket's role verb is a support clause: one that
        opens with a support marker ("配合做好全县工作", "配合白水市民政局"), or units and a
        support marker before a verb phrase ("各乡镇配合做好宣传工作"). Such a field tells a
        role as the verb before it does (round 17: fixtures styles/peihe_tail.txt and
        styles/xiezhu_verbunit.txt; units.clauses reads its units)."""
        if text.startswith(self.support_words):
            return True
        for word in self.support_words:
            at = text.find(word)
            if at > 0 and text.startswith(self.support_phrase_verbs, at + len(word)):
                return True
        return False

    def may_hold_not_unit(self, text: str) -> bool:
        """False when no part of a folded text can be a deadline or another field that is
        not a unit (it holds none of their words), so its fields need no asking."""
        return self.not_units.may_match_within(text)

    def runs_names_together(self, name: str, keeps: bool | None = None) -> bool:
        """Whether a folded item reads as two unit names with no separator: a complete
        name followed by another one that starts with a prefix ("县发改局县财政局",
        "县纪委县监委" is one merged body, not two). Names kept as written
        ("人行黔南州中心支行", "中国联通黔南州分公司") name their place inside (``keeps``:
        ``keeps_as_written(name)``, when the caller has asked it already)."""
        endings = self.name_endings
        # The second name ends the item, so an item that does not end like a name holds
        # none (most items are one name: this answers them without trying each ending).
        if not name.endswith(endings):
            return False
        if self.keeps_as_written(name) if keeps is None else keeps:
            return False
        # The second name starts with a prefix or a place, each ending in an administrative
        # character: an item with none after its first two characters holds one name.
        if not self._admin_char.search(name, 2):
            return False
        # Each place where a name ending ends, after the item's first character and
        # before its last, is where a first name may end. An ending the item opens with
        # ("区委…", "办公室…") marks no place: the rule as written looked for each ending's
        # places from its first and stopped at one at the start.
        places = endings
        if name.startswith(endings):
            places = tuple(ending for ending in endings if not name.startswith(ending))
        for cut in range(2, len(name) if places else 0):
            if not name.endswith(places, 1, cut):
                continue
            first, rest = name[:cut], name[cut:]
            prefix = self.prefix_length(rest)
            if prefix and rest.endswith(endings) and not self._merged(first, rest[prefix:]):
                return True
        return False

    def place_printed_again(self, name: str) -> int:
        """Where a second name opens in a folded item that prints the place it opens with
        again right after a name's ending ("县政务服务中心县信访局" -> 7), or 0; a merged body
        ("县纪委县监委") is one name (BracketReader._run_in_names)."""
        place = self.prefix_length(name)
        at = name.find(name[:place], place + 1) if place else -1
        while at > 0:
            first, rest = name[:at], name[at:]
            ends = first.endswith(self.name_endings) and rest.endswith(self.name_endings)
            if ends and not self._merged(first, rest[self.prefix_length(rest) :]):
                return at
            at = name.find(name[:place], at + 1)
        return 0

    def _merged(self, first: str, second_body: str) -> bool:
        return any(first.endswith(a) and second_body == b for a, b in self.merged_bodies)

    def is_collective(self, name: str, marked: bool = True) -> bool:
        """Whether a folded item is a collective phrase ("各县(市)区") rather than a unit.
        ``marked``: False when the caller knows ``marked(name)`` found nothing, so no
        collective marker stands in it (its search is not run)."""
        return (
            (marked and contains(self.collective, name))
            or name in self.generic
            or name in self.bare_classes
            or (name.startswith(self.bare_class_heads) and name not in self.bare_class_heads)
        )

    def category(
        self, name: str, prefix_length: int | None = None, unmarked: bool = False
    ) -> str | None:
        """Category of a folded unit name, or None when the gazetteer cannot tell.
        ``prefix_length``: the name's, when the caller has it already; ``unmarked``: the
        caller knows ``marked(name)`` found nothing, so no committee body makes up any
        part of the name it ends with (their searches are not run)."""
        cut = self.prefix_length(name) if prefix_length is None else prefix_length
        body = name[cut:]
        if cut and body.startswith(self.committee_word):
            return "party"  # "市委…"
        # A keyword anywhere in the name, or a committee body making up the body.
        earlier = self._earlier_words
        if earlier is None or earlier(name) is None:
            for bodies in () if unmarked else self._earlier_bodies:
                if bodies(body):
                    break
            else:  # no category before the last: the last, or none
                category, keyword, bodies = self._last_category
                if (keyword and keyword(name)) or (bodies and not unmarked and bodies(body)):
                    return category
                return None
        for category, keyword, bodies in self._category_searches:
            if (keyword and keyword(name)) or (bodies and bodies(body)):
                return category
        return None

    def is_committee_body(self, name: str, after_party: bool) -> bool:
        """Whether an elided folded name takes the party committee's prefix."""
        return self._party.committee_bodies.matches(name) or (
            after_party and self._party.after_party.matches(name)
        )

    def is_body_after_party(self, name: str) -> bool:
        """Whether an elided folded name takes the committee's prefix only after a party
        body ("办公室"): ``is_committee_body(name, True)`` of a name that is no committee
        body whatever stands before it."""
        return self._party.after_party.matches(name)


@dataclass(frozen=True)
class _Category:
    """The compiled patterns of one [category.<name>] table."""

    name: str
    # A keyword anywhere or a suffix at the end: one pattern, so one search per name.
    words: re.Pattern[str] | None
    committee_bodies: WholeMatch
    after_party: WholeMatch
    bodies: WholeMatch | None  # committee_bodies, or None when it has no pattern (not asked)

    @classmethod
    def compile(cls, name: str, table: dict) -> _Category:
        # A keyword anywhere or a suffix at the end ("$", as the alternation of each read
        # them), as branches that each open with a literal (literal_first)
        words = literal_first(table.get("keywords", []), table.get("suffixes", []), "$")
        entries = [entry for entry in table.get("committee_bodies", []) if entry]
        committee_bodies = WholeMatch(entries)
        return cls(
            name=name,
            words=words,
            committee_bodies=committee_bodies,
            after_party=WholeMatch(table.get("after_party", [])),
            bodies=committee_bodies if entries else None,
        )


def _place_regex(places: dict) -> re.Pattern[str]:
    """A place name at the start of a name: a few Han characters, then an admin character."""
    admin = f"[{re.escape(places['admin_chars'])}]"
    if places.get("admin_words"):  # two-character endings ("城关街道")
        admin = f"(?:{admin}|{words(places['admin_words'])})"
    lengths = f"{places['min_length']},{places['max_length']}"
    name_char = f"[\u4e00-\u9fff{re.escape(places.get('placeholder_chars', ''))}]"
    # Lazy, so a place ends at its first admin character: "黔南州市场监管局" is "黔南州" + body.
    return re.compile(f"{name_char}{{{lengths}}}?{admin}")


def _label_words(labels: dict) -> list[str]:
    """Every label word, of either role, with those that are labels only before a colon."""
    return [
        *labels[LEAD],
        *labels[RESPONSIBLE],
        *labels.get("lead_with_colon", []),
        *labels.get("responsible_with_colon", []),
    ]


def _rare_led(words: Sequence[str], common: set[str], labels: Sequence[str]) -> str:
    """A search that finds something exactly where one of ``words`` stands (where it finds
    it is not said), each word opening on its least common character: not one of
    ``common`` (what names end with or their places hold: 局, 州, 市) and held by the fewest
    ``labels``, the characters before it checked by a lookbehind ("长(?<=局长)"); the words
    opening on one character are joined under it. Opened on their first characters, the
    words stopped the engine at each 局 of a name and at each 牵 and 责 of a label (局长,
    牵头领导, 责任人), 0.64 µs a bracket (speed22); now 牵头领导 opens on 领, 责任人 on 人
    (speed23: the gate 79.5 -> 32.5 µs on both seeds' brackets, 780 -> 384 µs on the 1870
    of tests/parsing/documents; test_passes.py compares it with a search for each word)."""

    def rarity(char: str) -> tuple[bool, int]:
        return char in common, sum(char in label for label in labels)

    groups: dict[str, list[str]] = {}
    for word in sorted(set(filter(None, words))):
        at = min(range(len(word)), key=lambda i: (rarity(word[i]), i))
        behind = f"(?<={re.escape(word)})" if at else ""
        groups.setdefault(word[at], []).append(re.escape(word[at + 1 :]) + behind)
    return (
        "|".join(
            re.escape(first) + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0])
            for first, rests in groups.items()
        )
        or NEVER
    )


def _label_regex(labels: dict) -> re.Pattern[str]:
    """A field label, caught in a group named after the role it gives."""
    colon = {
        LEAD: labels.get("lead_with_colon", []),
        RESPONSIBLE: labels.get("responsible_with_colon", []),
    }
    roles = "|".join(
        f"(?P<{role}>{words(labels[role])}"
        + (f"|(?:{words(colon[role])})(?=[ \t]*[:】])" if colon.get(role) else "")
        + ")"
        for role in (LEAD, RESPONSIBLE)
    )
    # The colon is usually printed, but "牵头单位 市司法局" and "牵头单位市司法局" occur too,
    # and so do "【牵头单位】市司法局" and "责任主体。市司法局。".
    # The lookahead on the characters a match can start with lets the engine skip the
    # other positions at once (same matches, read faster).
    first = first_chars(
        ["【", " ", "\t", *labels[LEAD], *labels[RESPONSIBLE], *colon[LEAD], *colon[RESPONSIBLE]]
    )
    # (not after 各: "各承办单位" names units, a collective (round 10: tests/parsing/documents
    # d77, fixture styles/fazhi_gechengban.txt))
    return re.compile(rf"(?={first})(?<!各)【?[ \t]*(?:{roles})[ \t]*(?:】[ \t]*:?|[:。])?")


def _not_in_name(first: str, in_names: Sequence[str]) -> str:
    """A lookahead, after a marker's first character, that fails where the marker begins a
    word of a name ("协办公室" of 县政协办公室: no 协办 there), or ""."""
    tails = [word[1:] for word in in_names if word[:1] == first and len(word) > 1]
    return f"(?!{words(tails)})" if tails else ""


_TOKEN_KINDS_KEPT = 4096  # tokens as matched whose role the gazetteer keeps
_NAMED_GROUP = re.compile(r"\(\?P<[a-z]+_[0-9]+>")
# what stands around a label's word in a token: 【 or blanks before, blanks, 】, a colon or
# 。 after (_labels_or_marker_regex); no label or marker holds one
_TOKEN_MARKS = "【】 \t:。"


def _token_words(labels: dict, heads: list[str]) -> tuple[dict[str, str], frozenset[str]]:
    """(the role of every label, the markers) for Gazetteer.token_role. A word that is a
    label read without a colon and a marker would be told apart by nothing but the
    pattern's groups, so none may be."""
    roles = {word: role for role in (RESPONSIBLE, LEAD) for word in labels[role]}
    for role in (RESPONSIBLE, LEAD):
        roles |= dict.fromkeys(labels.get(f"{role}_with_colon", []), role)
    plain = frozenset((*labels[LEAD], *labels[RESPONSIBLE]))
    markers = frozenset(heads)
    marks = set(_TOKEN_MARKS)
    if plain & markers or any(marks & set(word) for word in (*roles, *markers)):
        raise ValueError("labels and markers must be told apart by their text")
    return roles, markers


def _labels_or_marker_regex(
    labels: dict, heads: list[str], in_names: Sequence[str] = ()
) -> re.Pattern[str]:
    """A field label as ``_label_regex`` reads it, or a role marker (``heads``), in groups
    named by role and numbered by branch ("lead_1", "marker_9"). Each branch opens with a
    literal character (【, a blank, a word's first), so the engine skips to those characters
    at once: the lookahead on them this pattern opened with made it try every place (three
    times the time). At a place the branches are tried as the one pattern tried them: a
    label (lead words, then responsible ones, longest first) before a marker, so a label's
    own 牵头 is read as the label (tests/parsing/test_passes.py compares the two)."""
    role_words = {}  # (word, what must follow it) per role, in the order words() tries them
    for role in (LEAD, RESPONSIBLE):
        plain = sorted(labels[role], key=len, reverse=True)
        colon = sorted(labels.get(f"{role}_with_colon", []), key=len, reverse=True)
        role_words[role] = [(w, "") for w in plain] + [(w, r"(?=[ \t]*[:】])") for w in colon]
    tail = r"[ \t]*(?:】[ \t]*:?|[:。])?"
    numbered = itertools.count(1)

    def roles(first: str | None) -> str:
        """The role groups of the words (those opening with ``first``, after it)."""
        groups = []
        for role, found in role_words.items():
            cut = 0 if first is None else 1
            alternatives = [
                re.escape(word[cut:]) + after
                for word, after in found
                if first is None or word[0] == first
            ]
            if alternatives:
                groups.append(f"(?P<{role}_{next(numbered)}>{'|'.join(alternatives)})")
        return "|".join(groups)

    found = [rf"{re.escape(opener)}[ \t]*(?:{roles(None)}){tail}" for opener in "【 \t"]
    label_firsts = {word[0] for words_ in role_words.values() for word, _ in words_}
    marker_firsts = sorted({head[0] for head in heads if head})
    markers = dict(zip(marker_firsts, branches(heads), strict=True))
    for first in sorted(label_firsts | set(marker_firsts)):
        if first in label_firsts:  # (not after 各, as _label_regex)
            opening = re.escape(first)
            found.append(rf"{opening}(?<!各{opening})(?:{roles(first)}){tail}")
        if first in markers:
            rest = markers[first][len(re.escape(first)) :]
            guard = _not_in_name(first, in_names)
            found.append(rf"{re.escape(first)}{guard}(?P<marker_{next(numbered)}>{rest})")
    return re.compile("|".join(found))


def _marker_regex(phrases: dict, levels: dict) -> re.Pattern[str]:
    """A role marker with its verb phrase, caught in a group named after its kind. A
    support marker's verb phrase never opens with a prefix: what follows it there is the
    unit it supports, a name of the list ("县公安局配合县司法局", "县司法局协同县公安局、县法院":
    round 14, tests/parsing/test_units_shapes.py; no bracket of the guard set has a verb
    phrase opening so, and its output is unchanged)."""
    division = words(phrases["division_markers"])
    lead = words(phrases["lead_markers"])
    duty = f"(?:{words(phrases['duty_adverbs'])})?(?:{words(phrases['duty_verbs'])})"
    support = words(phrases["support_markers"])
    first = first_chars(
        word
        for key in (
            "division_markers",
            "lead_markers",
            "duty_adverbs",
            "duty_verbs",
            "support_markers",
        )
        for word in phrases[key]
    )
    # (where a marker begins a word of a name, no marker: 县政协办公室)
    in_names = words(phrases.get("markers_in_names", []))
    no_name = rf"(?!(?!{words(levels['not_prefix'])})(?:{words(levels['prefixes'])}))"
    return re.compile(
        rf"(?={first})(?!{in_names})(?:(?P<division>(?:{division}){_VERB_CHAR}{{0,6}})"
        rf"|(?P<lead>(?:{lead}){_VERB_CHAR}{{0,6}})"
        rf"|(?P<duty>{duty}{_VERB_CHAR}{{0,4}})"
        rf"|(?P<support>(?:{support})(?:{no_name}{_VERB_CHAR}{{0,4}})?))"
    )
