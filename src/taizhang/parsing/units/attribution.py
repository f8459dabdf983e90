"""The public entry points: split a bracket, infer a document's level, categorise a name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from taizhang.parsing.model import Attribution
from taizhang.parsing.normalize import fold
from taizhang.parsing.units.clauses import clauses, unwrap
from taizhang.parsing.units.gazetteer import LEAD, Gazetteer
from taizhang.parsing.units.items import items
from taizhang.parsing.units.loading import load_gazetteer
from taizhang.parsing.units.names import NameCompleter, alias_start
from taizhang.parsing.vocabulary import vocabulary


class BracketReader:
    """Reads the brackets of one document: each bracket is cut into items once, and what
    the gazetteer says about each name is asked once, however often it recurs (a unit is
    named in dozens of brackets, and the document's level and its attributions both read
    every bracket). Made per document, so that no document's names outlive its parse."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = _Remembering(gazetteer or load_gazetteer())
        self._items: dict[str, tuple[tuple[str, str, str], ...]] = {}
        self._splits: dict[tuple[str, str | None], Attribution] = {}
        # The item spans of each clause text: clauses recur across a document's brackets
        # ("州委依法治州办", "州有关部门,各县(市)"), in both seeds about three times each.
        self._clause_items: dict[str, tuple[tuple[int, int], ...]] = {}
        # The level prefix each printed name counts for (its folded form is fold(printed)).
        self._name_levels: dict[str, str | None] = {}

    def items(self, raw: str) -> tuple[tuple[str, str, str], ...]:
        """(role, printed name, folded name) for each item of a bracket, in order."""
        found = self._items.get(raw)
        if found is None:
            found = self._items[raw] = self._split_items(raw)
        return found

    def _split_items(self, raw: str) -> tuple[tuple[str, str, str], ...]:
        gaz = self.gaz.gazetteer
        raw, folded = _without_person_fields(raw, fold(raw), gaz)
        raw, folded = unwrap(raw, folded, gaz)
        return tuple(
            (
                role,
                raw[start + item_start : start + item_end],
                folded[start + item_start : start + item_end],
            )
            for role, start, end in clauses(folded, gaz)
            for item_start, item_end in self._items_of_clause(folded[start:end])
        )

    def _items_of_clause(self, clause: str) -> tuple[tuple[int, int], ...]:
        """items() of one clause, relative to its start: items reads nothing outside the
        clause, so a clause printed again is cut once."""
        found = self._clause_items.get(clause)
        if found is None:
            found = self._clause_items[clause] = tuple(
                items(clause, 0, len(clause), self.gaz.gazetteer)
            )
        return found

    def split(self, raw: str, level: str | None = None) -> Attribution:
        """Split bracket content (without the brackets) into lead, responsible and
        collectives. A bracket printed again (the same units for several measures) is
        split once; each caller gets lists of its own."""
        found = self._splits.get((raw, level))
        if found is None:
            found = self._splits[raw, level] = self._split(raw, level)
        return Attribution(
            list(found.lead),
            list(found.responsible),
            list(found.collectives),
            list(found.unknown),
            list(found.unsplit),
        )

    def _split(self, raw: str, level: str | None) -> Attribution:
        gaz = self.gaz
        completer = NameCompleter(gaz, level)
        result = Attribution()
        skipped = False
        for role, printed, folded in self.items(raw):
            if gaz.is_not_unit(folded):
                skipped = True
                continue
            if gaz.is_collective(folded):
                _add(result.collectives, printed)
                continue
            name, category = completer.complete(printed, folded)
            if not name:
                continue
            _add(result.lead if role == LEAD else result.responsible, name)
            if category is None:
                _add(result.unknown, name)
            if gaz.runs_names_together(folded):
                _add(result.unsplit, printed)
        if not (result.lead or result.responsible or result.collectives or skipped):
            result.unsplit.append(raw)
        return result

    def level(self, raws: Iterable[str]) -> str | None:
        """The administrative prefix most names of a document start with ("州", "市" …).

        It is returned as printed (a traditional document gives "縣"), since names
        completed with it keep the document's characters.
        """
        counts: Counter[str] = Counter()
        levels = self._name_levels
        for raw in raws:
            for _role, printed, folded in self.items(raw or ""):
                if printed not in levels:
                    levels[printed] = self._level_of_name(printed, folded)
                level = levels[printed]
                if level:
                    counts[level] += 1
        return counts.most_common(1)[0][0] if counts else None

    def _level_of_name(self, printed: str, folded: str) -> str | None:
        """The level prefix a name starts with, as printed ("州"), or None."""
        gaz = self.gaz
        if gaz.keeps_as_written(folded):
            return None
        cut = gaz.prefix_length(folded)
        level = gaz.level_of(folded[:cut])
        return printed[cut - len(level) : cut] if level else None


class _Remembering:
    """A gazetteer that answers each question about a name once (per document)."""

    _REMEMBERED = (
        "is_not_unit",
        "is_collective",
        "category",
        "keeps_as_written",
        "prefix_length",
        "level_of",
        "runs_names_together",
    )

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        for name in self._REMEMBERED:
            setattr(self, name, _remembered(getattr(gazetteer, name)))
        self._committee_bodies: dict[tuple[str, bool], bool] = {}

    def is_committee_body(self, name: str, after_party: bool) -> bool:
        key = (name, after_party)
        if key not in self._committee_bodies:
            self._committee_bodies[key] = self.gazetteer.is_committee_body(name, after_party)
        return self._committee_bodies[key]

    def __getattr__(self, name: str):
        return getattr(self.gazetteer, name)


def _remembered(method):
    answers: dict = {}

    def ask(name):
        try:
            return answers[name]
        except KeyError:
            answer = answers[name] = method(name)
            return answer

    return ask


def _without_person_fields(raw: str, folded: str, gaz: Gazetteer) -> tuple[str, str]:
    """The bracket with its fields that name people ("牵头领导:副县长李某某;") blanked out,
    in the printed and the folded text alike (they keep one length)."""
    spans = [m.span() for m in gaz.person_field.finditer(folded)]
    for start, end in reversed(spans):
        blank = " " * (end - start)
        raw, folded = raw[:start] + blank + raw[end:], folded[:start] + blank + folded[end:]
    return raw, folded


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


def _lead_labels() -> list[str]:

    return vocabulary()["lead_labels"]


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


def _add(names: list[str], name: str) -> None:
    if name not in names:
        names.append(name)
