"""The public entry points: split a bracket, infer a document's level, categorise a name."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate, repeat

from taizhang.parsing.model import Attribution
from taizhang.parsing.normalize import fold
from taizhang.parsing.units.clauses import clauses, unwrap
from taizhang.parsing.units.gazetteer import LEAD, RESPONSIBLE, Gazetteer
from taizhang.parsing.units.items import (
    clause_piece_texts,
    clause_pieces,
    is_name,
    items,
    joined_items,
    joins,
)
from taizhang.parsing.units.loading import load_gazetteer
from taizhang.parsing.units.names import (
    AS_WRITTEN,
    COLLECTIVE,
    FULL,
    NOT_UNIT,
    Name,
    alias_start,
    read_name,
)
from taizhang.parsing.vocabulary import vocabulary


class BracketReader:
    """Reads the brackets of one document: each bracket is cut into items once, and what
    the gazetteer says about each printed item is asked once (``names.read_name``),
    however often it recurs (a unit is named in dozens of brackets, and the document's
    level and its attributions both read every bracket). Made per document, so that no
    document's names outlive its parse."""

    def __init__(self, gazetteer: Gazetteer | None = None, run_in: bool = False) -> None:
        self.gaz = gazetteer or load_gazetteer()
        # (a copy printed run-in lost the line breaks that parted names: _run_in_names)
        self.run_in = run_in
        self._items: dict[str, tuple[tuple[str, Name], ...]] = {}
        # each bracket's (lead, responsible, collectives, unknown, unsplit) by (raw, level):
        # the lists every split() copies into an Attribution of its own
        self._splits: dict[tuple[str, str | None], tuple[list[str], ...]] = {}
        # The names of each clause as printed: clauses recur across a document's brackets
        # ("州委依法治州办", "州有关部门,各县(市)"), in both seeds about three times each,
        # and items() reads nothing outside its clause, so a clause printed again is cut
        # once (its folded form is fold(printed), character for character).
        self._clause_names: dict[str, tuple[Name, ...]] = {}
        # … and of each field of a bracket of labels and lists, with their level prefixes
        # (BracketReader.level): one lookup a field
        self._fields: dict[str, tuple[tuple[Name, ...], list[str]]] = {}
        self._names: dict[str, Name] = {}  # by the item as printed
        self._piece_names: dict[str, tuple[Name, ...]] = {}  # by the piece as printed
        self._committees: dict[str, str] = {}  # the party committee's name per prefix
        self._may_join = joins(self.gaz).search
        # the words of "X会同Y负责" (X leads, Y supports), looked up once per document
        self._lead_then_support = tuple(self.gaz.data["phrases"].get("lead_then_support", ()))
        self._folded: dict[str, str] = {}  # fold(raw) of each bracket read
        # the brackets read that hold no person or deadline field and no line break (the
        # rare-syntax search over them found none: most brackets)
        self._fieldless: set[str] = set()
        # … of which those that hold no word of a field that is no unit either (a deadline,
        # a pace: the rare-syntax search was one with theirs, and found none of both)
        self._names_only: set[str] = set()
        # The level prefixes of a bracket's names, in order (BracketReader.level).
        self._levels: dict[str, list[str]] = {}

    def items(self, raw: str) -> tuple[tuple[str, Name], ...]:
        """(role, Name) for each item of a bracket, in order."""
        found = self._items.get(raw)
        if found is None:
            # the literals are looked for in the folded bracket: a traditional copy prints
            # 爲 and 會同 (round 13: d73 and d76 traditional, fixtures styles/
            # minzheng_labelsafter.txt and styles/shangwu_huitong.txt traditional)
            folded = self._folded.get(raw)  # (level() folded every bracket it reads)
            if folded is None:
                folded = self.folded(raw)
            labelled = labels_first(raw, folded) if "为" in folded else raw
            for word in self._lead_then_support:
                if word in folded:  # "X会同Y负责": X leads, Y supports
                    labelled = _replaced_folded(labelled, word, "牵头,")
            # (a bracket left as printed, most, is split with the folded text at hand)
            if labelled is not raw:
                folded = self.folded(labelled)
            for mark in self.gaz.lead_marks:
                if mark in folded:  # "X★、Y(★为牵头单位)": X leads, as "X(牵头)、Y" says
                    labelled, folded = _marks_as_tags(labelled, folded, self.gaz)
                    break
            found = self._listed_items(labelled, folded)
            if found is None:
                found = self._read_items(labelled, folded)
            self._items[raw] = found
        return found

    def _listed_items(self, raw: str, folded: str) -> tuple[tuple[str, Name], ...] | None:
        """The items of a bracket of labels and lists ("牵头单位:X;责任单位:Y、Z"), or None
        when it holds a marker, a person field or a line break. Most brackets are such: the
        labels are found by one pass that also finds any marker, each field is one clause,
        and each piece of a clause between separators is read once by its text. What this
        returns is what ``_read_items`` returns for the bracket (tests/parsing/
        test_passes.py compares them on generated brackets)."""
        quick = self.gaz.rare_or_not_unit
        if quick is not None and quick(folded) is None:
            self._names_only.add(raw)
        elif self.gaz.rare_syntax.search(folded):
            return None
        self._fieldless.add(raw)
        # The fields and the tokens between them, alternating, cut by one split in C
        # (Gazetteer.token_split); each token's role read from its text.
        parts = self.gaz.token_split(folded)
        kinds, role_of = self.gaz.token_kinds, self.gaz.token_role
        roles = [RESPONSIBLE]
        for text in parts[1::2]:
            kind = kinds.get(text) or role_of(text)
            if kind == "marker":
                return None
            roles.append(kind)
        found: list[tuple[str, Name]] = []
        levels: list[str] = []
        known = self._fields
        # (a bracket with nothing to fold, most: each field's folded part is its text as
        # printed; else where each field starts, for the printed text)
        if raw is folded:
            fields = zip(roles, parts[::2], repeat(None))
        else:
            fields = zip(roles, parts[::2], [0, *accumulate(map(len, parts))][::2], strict=True)
        for role, part, start in fields:
            if not part:  # nothing before the first label: no names
                continue
            printed = part if start is None else raw[start : start + len(part)]
            field = known.get(printed)
            if field is None:
                names = (
                    self._listed_names(part, part, 0, len(part))
                    if start is None
                    else self._listed_names(raw, folded, start, start + len(part))
                )
                field = known[printed] = (names, [n.level for n in names if n.level])
            names, field_levels = field
            found += zip(repeat(role), names)
            levels += field_levels
        self._levels[raw] = levels
        return tuple(found)

    def folded(self, raw: str) -> str:
        """``fold(raw)``, folded once per document however often it is asked."""
        found = self._folded.get(raw)
        if found is None:
            found = self._folded[raw] = _slashes_parted(fold(raw))
        return found

    def _fold_all(self, raws: list[str]) -> None:
        """Fold the brackets not folded yet as one text (fold maps each character to one,
        so each bracket's part of the folded text is fold(bracket)): one scan for the
        characters to fold and one call, where a call per bracket cost about twice the
        scan. A bracket folded to itself is kept as the same object (``raw is folded``
        tells _listed_names it had nothing to fold)."""
        folded = self._folded
        new = [raw for raw in dict.fromkeys(raws) if raw not in folded]
        if len(new) < 2:
            return
        joined = "\0".join(new)
        whole = _slashes_parted(fold(joined))
        if whole is joined:  # nothing to fold in any of them (fold returns its text)
            folded.update(zip(new, new, strict=True))
            return
        parts = whole.split("\0")
        if len(parts) == len(new):  # (else a bracket holds a NUL: each is folded alone)
            kept = [raw if part == raw else part for raw, part in zip(new, parts, strict=True)]
            folded.update(zip(new, kept, strict=True))

    def may_hold_field(self, raw: str) -> bool:
        """False when the bracket is known to hold no person or deadline field (its items
        were read and the rare-syntax search, whose words every such field holds, found
        none), so no field's pattern needs searching."""
        return raw not in self._fieldless

    def names_only(self, raw: str) -> bool:
        """True when the bracket is known to hold no field (may_hold_field) and no word of
        a field that is no unit (Gazetteer.may_hold_not_unit): only names."""
        return raw in self._names_only

    def _listed_names(self, raw: str, folded: str, start: int, end: int) -> tuple[Name, ...]:
        """The names of one field of a bracket of labels and lists: each piece between
        separators is read once per document (a unit is named in dozens of fields)."""
        gaz, piece_names = self.gaz, self._piece_names
        texts = clause_piece_texts(folded, start, end, gaz) if raw is folded else None
        found: list[Name] = []
        if texts is not None:  # nothing to fold: each piece's text is as printed
            for text in texts:
                names = piece_names.get(text)
                if names is None:
                    names = piece_names[text] = self._piece(text, text)
                found += names
            return tuple(found)
        for a, b in clause_pieces(folded, start, end, gaz):
            printed = raw[a:b]
            names = piece_names.get(printed)
            if names is None:
                names = piece_names[printed] = self._piece(printed, folded[a:b])
            found += names
        return tuple(found)

    def _piece(self, printed: str, folded: str) -> tuple[Name, ...]:
        """The names of one piece: the piece itself, or the names a joiner, a blank or 等
        parts it into ("市委宣传部和市司法局", "金融局等有关部门"). What a piece holds is
        read from the piece alone."""
        end = len(folded)
        if self._may_join(folded) is not None:  # (items.may_join, its pattern read once)
            spans = joined_items(folded, 0, end, self.gaz)
            return tuple(self._name(printed[a:b], folded[a:b]) for a, b in spans)
        # (is_name's first test, own_bodies and _name written out: most pieces open with a
        # Han character and are one name read once, three calls fewer a piece)
        if not ("\u4e00" <= folded[:1] <= "\u9fff" or is_name(folded, 0, end)):
            return ()
        if folded.startswith(self.gaz.subordinates):  # own_bodies
            return ()
        if self.run_in:
            return self._run_in_names(printed, folded)
        name = self._names.get(printed)
        if name is None:
            name = self._names[printed] = read_name(self.gaz, printed, folded)
        return (name,)

    def _name(self, item: str, folded: str) -> Name:
        name = self._names.get(item)
        if name is None:
            name = self._names[item] = read_name(self.gaz, item, folded)
        return name

    def _read_items(self, raw: str, folded: str) -> tuple[tuple[str, Name], ...]:
        """The items of any bracket: person fields left out, wrapped names joined, clauses
        cut at labels and markers, each clause cut into items."""
        gaz = self.gaz
        raw, folded = _without_person_fields(raw, folded, gaz)
        raw, folded = unwrap(raw, folded, gaz)
        found: list[tuple[str, Name]] = []
        for role, start, end in clauses(folded, gaz):
            printed = raw[start:end]
            names = self._clause_names.get(printed)
            if names is None:
                names = self._clause_names[printed] = self._names_of(printed, folded[start:end])
            found.extend((role, name) for name in names)
        return tuple(found)

    def _names_of(self, printed: str, folded: str) -> tuple[Name, ...]:
        """The names of one clause, each read once per document."""
        spans = items(folded, 0, len(folded), self.gaz)
        if self.run_in:
            return tuple(n for a, b in spans for n in self._run_in_names(printed[a:b], folded[a:b]))
        return tuple(self._name(printed[start:end], folded[start:end]) for start, end in spans)

    def _run_in_names(self, item: str, folded: str) -> tuple[Name, ...]:
        """The names of an item of a copy printed run-in: two where a name ends and the
        place the item opens with is printed again ("县政务服务中心县信访局"), the line
        break that parted them lost (round 19: tests/parsing/documents d146 run in, its
        bracket wrapped after 县政务服务中心; fixture styles/kuohao_huanhang.txt run in), as a
        run-in signature's names part at each later print of their place (metadata.text.
        _signer_breaks). Printed with its line breaks, such an item stays one name and is
        flagged (attribution-unsplit): nothing says there where one name ends."""
        at = self.gaz.place_printed_again(folded)
        if not at:
            return (self._name(item, folded),)
        return (self._name(item[:at], folded[:at]), *self._run_in_names(item[at:], folded[at:]))

    def split(self, raw: str, level: str | None = None) -> Attribution:
        """Split bracket content (without the brackets) into lead, responsible and
        collectives. A bracket printed again (the same units for several measures) is
        split once; each caller gets lists of its own."""
        found = self._splits.get((raw, level))
        if found is None:
            found = self._splits[raw, level] = self._split(raw, level)
        lead, responsible, collectives, unknown, unsplit = found
        return Attribution(  # (copies by slice: cheaper than list() calls)
            lead[:], responsible[:], collectives[:], unknown[:], unsplit[:]
        )

    def _split(self, raw: str, level: str | None) -> tuple[list[str], ...]:
        """The bracket's units in order, each elided name completed with the prefix of the
        last full name before it, else the document's level (a party committee body takes
        the committee's name: "组织部" -> "市委组织部"). The completion is written out in
        the loop (a call per name cost as much as the rest of the loop). The lists of an
        Attribution's fields, in their order (split() makes the Attribution each caller
        gets: one made here too, only to be copied, was a third of a document's)."""
        lead: list[str] = []
        responsible: list[str] = []
        collectives: list[str] = []
        unknown: list[str] = []
        unsplit: list[str] = []
        skipped = False
        prefix = last_category = None  # as printed, from the last full name; its category
        found = self.items(raw)
        # (the kinds asked most often first: a full name, then a collective)
        for at, (role, item) in enumerate(found):
            kind = item.kind
            name = item.printed
            category = item.category
            if kind == FULL:
                prefix = item.prefix
                last_category = category
            elif kind == COLLECTIVE:
                if name not in collectives:
                    collectives.append(name)
                continue
            elif kind == NOT_UNIT:
                skipped = True
                continue
            elif kind == AS_WRITTEN:
                zone = self._zone_prefix(name)
                if zone:
                    prefix, last_category = zone, category
            elif category is None and name in self.gaz.prefix_words:
                # a level alone sharing the next name's body: 州、县（市）司法局
                name, category = self._shared_head(name, found, at)
                if category is not None:
                    prefix = item.printed
                last_category = category
            else:  # ELIDED: completed with the prefix it stands for
                given = prefix or level
                after_party = last_category == "party"
                if item.committee_body_after_party if after_party else item.committee_body:
                    category = "party"
                    name = self._committee(given) + name if given else name
                elif given and category is not None:  # an unknown name is left as printed
                    name = given + name
                last_category = category
            if not name:
                continue
            if role == LEAD:
                if name not in lead:
                    lead.append(name)
            elif name not in responsible:
                responsible.append(name)
            if category is None and name not in unknown:
                unknown.append(name)
            if item.unsplit and item.unsplit not in unsplit:
                unsplit.append(item.unsplit)
        if not (lead or responsible or collectives or skipped):
            unsplit.append(raw)
        return lead, responsible, collectives, unknown, unsplit

    def _shared_head(self, level: str, found, at: int) -> tuple[str, str | None]:
        """A level printed alone before a name of another level lists two bodies of one
        kind: "州、县（市）司法局" is 州司法局 and 县（市）司法局 (round 31 leftovers:
        tests/parsing/documents d398, 州、县（市）市场监管局 and 州、县（市）人民检察院;
        fixture styles/gongyong_qianzhui.txt, 市、县（区）应急管理局). The level takes the
        body after the next name's level and the levels in brackets after it; else it stays
        as printed."""
        following = found[at + 1][1] if at + 1 < len(found) else None
        if following is None or not following.level or following.level == level:
            return level, None
        body = following.printed[len(following.level) :]
        if body[:1] in ("(", "（"):
            close = max(body.find(")"), body.find("）"))
            body = body[close + 1 :] if close > 0 else ""
        if not ("\u4e00" <= body[:1] <= "\u9fff"):
            return level, None
        return level + body, following.category

    def _zone_prefix(self, name: str) -> str | None:
        """A zone's committee with the name of its own bureau after it ("经开区管委会" of
        经开区管委会行政审批局): the prefix the bureaus after it elide
        (Gazetteer.zone_committees)."""
        folded = fold(name)  # (as printed: 經開區管委會, d85 traditional; AS_WRITTEN is rare)
        for committee in self.gaz.zone_committees:
            at = folded.find(committee)
            if at > 0 and at + len(committee) < len(name):
                return name[: at + len(committee)]
        return None

    def _committee(self, prefix: str) -> str:
        """The party committee's name for a prefix as printed (Gazetteer.committee)."""
        found = self._committees.get(prefix)
        if found is None:
            found = self._committees[prefix] = self.gaz.committee(prefix)
        return found

    def level(self, raws: Iterable[str]) -> str | None:
        """The administrative prefix most names of a document start with ("州", "市" …).

        It is returned as printed (a traditional document gives "縣"), since names
        completed with it keep the document's characters.
        """
        # Each bracket's levels are listed once, however often it is printed, and counted
        # together (in the order of their first use, which breaks a tie as before). A
        # bracket of labels and lists has its levels listed field by field as its items
        # are read (a field printed again lists them from one lookup).
        levels: list[str] = []
        listed = self._levels
        raws = [raw or "" for raw in raws]
        self._fold_all(raws)
        for raw in raws:
            found = listed.get(raw)
            if found is None:
                items = self.items(raw)
                found = listed.get(raw)
                if found is None:
                    found = listed[raw] = [item.level for _role, item in items if item.level]
            levels += found
        return Counter(levels).most_common(1)[0][0] if levels else None


# A slash between two names lists them as 、 does (round 14: "县教育局/县卫健局" and, elided,
# "县教育局/卫健局/医保局" in tests/parsing/test_units_shapes.py, as a table cell prints them);
# only between Han characters, so that a date (2024/6/30) or a unit (微克/立方米) stays whole.
_SLASH = re.compile("(?<=[\u4e00-\u9fff])/(?=[\u4e00-\u9fff])")


def _slashes_parted(folded: str) -> str:
    """The folded bracket with each slash between names read as 、 (same length, so the
    printed names are cut at the same places)."""
    return _SLASH.sub("、", folded) if "/" in folded else folded


def _replaced_folded(raw: str, word: str, by: str) -> str:
    """``raw`` with each place its folded text holds ``word`` replaced by ``by``."""
    folded = fold(raw)
    if folded == raw:
        return raw.replace(word, by)
    parts, start = [], 0
    at = folded.find(word)
    while at >= 0:
        parts += [raw[start:at], by]
        start = at + len(word)
        at = folded.find(word, start)
    return "".join(parts) + raw[start:]


def labels_first(raw: str, folded: str) -> str:
    """A bracket whose labels follow their units ("市财政局为牵头单位，市民政局、市审计局为配合
    单位": tests/parsing/documents d73, fixture styles/minzheng_labelsafter.txt) written with
    each label before its units ("牵头单位:市财政局;配合单位:市民政局、市审计局"), names as
    printed; any other bracket as it is."""
    fields = list(_labels_after().finditer(folded))
    if not fields or fields[-1].end() != len(folded.rstrip("。. ")):
        return raw
    parts, start = [], 0
    for field in fields:
        units = raw[start : field.start()].strip(" ,，;；、")
        if not units:
            return raw
        parts.append(f"{raw[field.start(1) : field.end(1)]}:{units}")
        start = field.end()
    return ";".join(parts)


@lru_cache(maxsize=1)
def _labels_after() -> re.Pattern[str]:
    """为 and a label closing a field: its units stand before it."""
    labels = sorted(vocabulary()["attribution_labels"], key=len, reverse=True)
    return re.compile(rf"为({'|'.join(map(re.escape, labels))})(?=[,;。.]|$)")


def _without_person_fields(raw: str, folded: str, gaz: Gazetteer) -> tuple[str, str]:
    """The bracket with its fields that name people ("牵头领导:副县长李某某;") blanked out,
    in the printed and the folded text alike (they keep one length)."""
    spans = [_with_its_note(folded, *m.span()) for m in gaz.person_field.finditer(folded)]
    for start, end in reversed(spans):
        blank = " " * (end - start)
        raw, folded = raw[:start] + blank + raw[end:], folded[:start] + blank + folded[end:]
    return raw, folded


_TAG = "(牵头)"
_NAME_CHARS = r"[^、,;:()\s★]"


@lru_cache(maxsize=4)
def _mark_patterns(marks: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The note that explains a lead mark ("(★为牵头单位)", "标注★的为牵头单位,下同"), and a
    mark with the name it stands after or before ("市司法局★", "★市档案馆")."""
    mark = "|".join(map(re.escape, marks))
    note = re.compile(
        rf"\(?(?:标注|标有|注有|带有|带)?(?:{mark})(?:的|者)?(?:单位)?为牵头(?:单位|部门)"
        rf"(?:,其他为(?:配合|责任)(?:单位|部门))?(?:,下同)?\)?"
    )
    # (a copy wrapped at the mark prints a line break between it and its name)
    named = re.compile(rf"({_NAME_CHARS}+)\s*(?:{mark})|(?:{mark})\s*({_NAME_CHARS}+)")
    return note, named


def _marks_as_tags(raw: str, folded: str, gaz: Gazetteer) -> tuple[str, str]:
    """A bracket whose lead is marked (gazetteer.toml lead_marks) with the note left out
    and each marked name tagged as a lead is, "X(牵头)" (clauses.clauses reads the tag), in
    the printed and the folded text alike (they keep one length)."""
    note, named = _mark_patterns(gaz.lead_marks)
    for hit in reversed(list(note.finditer(folded))):
        start, end = hit.span()
        blank = " " * (end - start)
        raw, folded = raw[:start] + blank + raw[end:], folded[:start] + blank + folded[end:]
    for hit in reversed(list(named.finditer(folded))):
        group = 1 if hit.group(1) is not None else 2
        start, end = hit.span(group)
        tagged_raw, tagged = raw[start:end] + _TAG, folded[start:end] + _TAG
        raw = raw[: hit.start()] + tagged_raw + raw[hit.end() :]
        folded = folded[: hit.start()] + tagged + folded[hit.end() :]
    return raw, folded


def _with_its_note(folded: str, start: int, end: int) -> tuple[int, int]:
    """A person field that fills a name's note, "县发改局(分管领导:张某)", with the note's
    brackets: the name is left bare (round 17: fixtures styles/peihe_tail.txt and
    styles/xiezhu_verbunit.txt, measure 5 of each)."""
    if start > 0 and folded[start - 1] == "(" and folded[end : end + 1] == ")":
        return start - 1, end + 1
    return start, end


def split_attribution(
    raw: str, *, level: str | None = None, gazetteer: Gazetteer | None = None
) -> Attribution:
    """Split bracket content (without the brackets) into lead, responsible and collectives."""
    return BracketReader(gazetteer).split(raw, level)


def infer_level(raws: Iterable[str], *, gazetteer: Gazetteer | None = None) -> str | None:
    """The administrative prefix most names of a document start with (BracketReader.level)."""
    return BracketReader(gazetteer).level(raws)


def first_is_lead(attribution: Attribution, raw: str) -> Attribution:
    """Apply a "排在首位的为牵头单位" note: in a list with no lead label, the first unit
    leads and the others are responsible (fixture styles/jiuye_shared.txt over 责任单位
    labels; tests/parsing/documents d01 and d11 over bare unit lists, the note under the
    title or inside the preamble)."""
    folded = fold(raw)
    if any(label in folded for label in _lead_labels()):
        return attribution
    names = [*attribution.lead, *attribution.responsible]
    if not names:
        return attribution
    return Attribution(
        names[:1], names[1:], attribution.collectives, attribution.unknown, attribution.unsplit
    )


def starred_lead(attribution: Attribution, starred: list[str]) -> Attribution:
    """Apply a "标*的为牵头单位" note: the units printed with a star lead, the others are
    responsible; a starred collective stays a collective (round 22: tests/parsing/documents
    d301 and d305). ``starred``: the names as printed before each star (elided or full)."""
    names = [*attribution.lead, *attribution.responsible]
    ends = tuple(name for name in starred if name)
    lead = [name for name in names if name.endswith(ends)]
    if not lead:
        return attribution
    return Attribution(
        lead,
        [name for name in names if name not in lead],
        attribution.collectives,
        attribution.unknown,
        attribution.unsplit,
    )


def _lead_labels() -> list[str]:

    return vocabulary()["lead_labels"]


def prefix_level(name: str, gazetteer: Gazetteer | None = None) -> tuple[str, str] | None:
    """The administrative prefix a unit name opens with and the level word it ends with:
    ("区", "区") for 区人社局, ("长顺县", "县") for 长顺县司法局; None when the name prints
    no prefix (人民法院, 市场监管局: 市场 is no prefix)."""
    gaz = gazetteer or load_gazetteer()
    folded = fold(name).strip()
    length = gaz.prefix_length(folded)
    level = gaz.level_of(folded[:length]) if length else None
    return (folded[:length], level) if level else None


def unit_category(name: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The category of a unit name, one of CATEGORIES ("party", "government" …).

    None when the name is a collective or a unit the gazetteer does not know.
    """
    gaz = gazetteer or load_gazetteer()
    folded = fold(name).strip()
    folded = folded[: alias_start(folded)]
    if not folded or gaz.is_collective(folded):
        return None
    return gaz.category(folded)
