"""The public entry points: split a bracket, infer a document's level, categorise a name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from taizhang.parsing.model import Attribution
from taizhang.parsing.normalize import fold
from taizhang.parsing.units.clauses import clauses, unwrap
from taizhang.parsing.units.gazetteer import LEAD, Gazetteer
from taizhang.parsing.units.items import items
from taizhang.parsing.units.loading import load_gazetteer
from taizhang.parsing.units.names import NameCompleter, alias_start


def split_attribution(
    raw: str, *, level: str | None = None, gazetteer: Gazetteer | None = None
) -> Attribution:
    """Split bracket content (without the brackets) into lead, responsible and collectives."""
    gaz = gazetteer or load_gazetteer()
    completer = NameCompleter(gaz, level)
    result = Attribution()
    skipped = False
    for role, printed, folded in _items_with_roles(raw, gaz):
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


def infer_level(raws: Iterable[str], *, gazetteer: Gazetteer | None = None) -> str | None:
    """The administrative prefix most names of a document start with ("州", "市", "区" …).

    It is returned as printed (a traditional document gives "縣"), since names completed
    with it keep the document's characters.
    """
    gaz = gazetteer or load_gazetteer()
    counts: Counter[str] = Counter()
    for raw in raws:
        for _role, printed, folded in _items_with_roles(raw or "", gaz):
            if gaz.keeps_as_written(folded):
                continue
            cut = gaz.prefix_length(folded)
            level = gaz.level_of(folded[:cut])
            if level:
                counts[printed[cut - len(level) : cut]] += 1
    return counts.most_common(1)[0][0] if counts else None


def first_is_lead(attribution: Attribution, raw: str) -> Attribution:
    """Apply a "排在首位的为牵头单位" note: in a list with no lead label, the first unit
    leads and the others are responsible (the 就业 style in test_styles; 分工方案 of several
    provinces print the note once under the title)."""
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
    from taizhang.parsing.vocabulary import vocabulary

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


def _items_with_roles(raw: str, gaz: Gazetteer) -> tuple[tuple[str, str, str], ...]:
    """(role, printed name, folded name) for each item of a bracket, in order.

    Cached: a document's level and its attributions both read every bracket, so each is
    split once."""
    return _split_items(raw, gaz)


@lru_cache(maxsize=4096)
def _split_items(raw: str, gaz: Gazetteer) -> tuple[tuple[str, str, str], ...]:
    raw, folded = unwrap(raw, fold(raw), gaz)
    return tuple(
        (role, raw[item_start:item_end], folded[item_start:item_end])
        for role, start, end in clauses(folded, gaz)
        for item_start, item_end in items(folded, start, end, gaz)
    )


def _add(names: list[str], name: str) -> None:
    if name not in names:
        names.append(name)
