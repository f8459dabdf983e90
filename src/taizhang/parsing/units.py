"""Split an attribution bracket into lead, responsible and collective units.

A bracket such as ``牵头单位:市委组织部、宣传部,市司法局;责任单位:市直各有关部门(单位)``
names the units in charge of a measure. Plans elide the administrative prefix of a unit
when it repeats (``宣传部`` means ``市委宣传部``), so each name is completed from the
nearest preceding full name or from the document's level. What counts as a party body,
a bureau or a collective is knowledge kept in ``data/gazetteer.toml``, which a
deployment can extend; this module only reads the bracket's syntax.

Matching is done on ``fold(raw)`` (same length as ``raw``), and every name is sliced
from ``raw``, so traditional characters and pinyin inserts come out as printed.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from taizhang.parsing.errors import InputError
from taizhang.parsing.model import Attribution
from taizhang.parsing.normalize import fold

ENV_VAR = "TAIZHANG_GAZETTEER"
_PACKAGED = Path(__file__).with_name("data") / "gazetteer.toml"
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

_SEPARATORS = frozenset("、,;。\n\r\t")
_TRIM = " \t\r\n:.。、,;"
_MAX_NAME = 200  # characters: longer pieces are prose and are not split into names
_HAN = re.compile("[\u4e00-\u9fff]")
_LINE_BREAK = re.compile(r"[ \t\r]*\n[ \t\r\n]*")
_MARKER_TAIL = r"[^,;。、\n()]"  # a verb phrase after a marker runs to the next separator

# The keys a gazetteer file may contain, with the type of their values.
_SCHEMA: dict[str, dict[str, type]] = {
    "levels": {"prefixes": list, "not_prefix": list, "committee": dict},
    "places": {"admin_chars": str, "min_length": int, "max_length": int, "not_place": list},
    "labels": {"lead": list, "responsible": list},
    "phrases": {
        "lead_markers": list,
        "support_markers": list,
        "division_markers": list,
        "duty_verbs": list,
        "joiners": list,
        "name_endings": list,
        "openers": list,
        "etc": str,
    },
    "collectives": {"markers": list, "classes": list, "generic": list},
    "keep_as_written": {"patterns": list},
}
_CATEGORY_SCHEMA: dict[str, type] = {
    "keywords": list,
    "suffixes": list,
    "committee_bodies": list,
    "after_party": list,
}


# --------------------------------------------------------------------------- gazetteer


def _pattern(entry: str) -> str:
    """Regex for a gazetteer pattern: ``?`` is one character, ``*`` any run."""
    return re.escape(entry).replace(r"\?", ".").replace(r"\*", ".*")


def _alternation(entries: Iterable[str], template: str = "(?:{})") -> re.Pattern[str] | None:
    parts = sorted({_pattern(e) for e in entries if e}, key=len, reverse=True)
    return re.compile(template.format("|".join(parts)), re.DOTALL) if parts else None


def _search(pattern: re.Pattern[str] | None, text: str) -> bool:
    return bool(pattern and pattern.search(text))


def _fullmatch(pattern: re.Pattern[str] | None, text: str) -> bool:
    return bool(pattern and pattern.fullmatch(text))


@dataclass(frozen=True)
class _Category:
    name: str
    keywords: re.Pattern[str] | None
    suffixes: re.Pattern[str] | None
    committee_bodies: re.Pattern[str] | None
    after_party: re.Pattern[str] | None

    def matches(self, name: str, body: str) -> bool:
        """``body`` is ``name`` without its administrative prefix."""
        return (
            _search(self.keywords, name)
            or _search(self.suffixes, name)
            or _fullmatch(self.committee_bodies, body)
        )


class Gazetteer:
    """Knowledge about unit names, compiled once from gazetteer TOML data.

    The syntax attributes (labels, markers, joiners, name_endings, openers, generic, etc)
    are read by the splitter; the methods answer questions about single names.
    """

    def __init__(self, data: dict) -> None:
        self.data = data
        levels, places, phrases = data["levels"], data["places"], data["phrases"]
        self.prefixes = sorted(levels["prefixes"], key=len, reverse=True)
        self.not_prefix = tuple(levels["not_prefix"])
        admin = re.escape(places["admin_chars"])
        lengths = f"{places['min_length']},{places['max_length']}"
        self.place = re.compile(f"[\u4e00-\u9fff]{{{lengths}}}?[{admin}]")
        self.not_place = frozenset(places["not_place"])
        self.labels = _label_regex(data["labels"])
        self.markers = _marker_regex(phrases)
        self.joiners = sorted(phrases["joiners"], key=len, reverse=True)
        self.name_endings = tuple(phrases["name_endings"])
        self.openers = tuple(phrases["openers"])
        self.etc = phrases["etc"]
        collectives = data["collectives"]
        self.collective = _alternation([*collectives["markers"], *collectives["classes"]])
        self.generic = frozenset(collectives["generic"])
        self.keep = _alternation(data["keep_as_written"]["patterns"])
        self.categories = tuple(_compile_category(n, data["category"]) for n in CATEGORIES)

    # -- names

    def prefix_length(self, name: str) -> int:
        """Length of the administrative prefix of a folded full name, 0 if it is elided."""
        if self.is_committee_body(name, after_party=False):
            return 0  # "依法治市办" is elided, not a body of a place "依法治市"
        if not name.startswith(self.not_prefix):
            for prefix in self.prefixes:
                if name.startswith(prefix) and len(name) > len(prefix):
                    return len(prefix)
        match = self.place.match(name)
        if match and len(name) > match.end() and match.group()[-2:] not in self.not_place:
            return match.end()
        return 0

    def level_of(self, prefix: str) -> str | None:
        """The administrative level a folded prefix ends with: "银川市" -> "市"."""
        return next((p for p in self.prefixes if prefix.endswith(p)), None)

    def committee(self, prefix: str) -> str:
        """The party committee's name for a prefix: "市" -> "市委", "自治区" -> "自治区党委"."""
        level = self.level_of(fold(prefix))
        return prefix + self.data["levels"]["committee"].get(level, "委")

    def keeps_as_written(self, name: str) -> bool:
        return _fullmatch(self.keep, name)

    def is_collective(self, name: str) -> bool:
        return _search(self.collective, name) or name in self.generic

    def category(self, name: str) -> str | None:
        """Category of a folded unit name, or None when the gazetteer cannot tell."""
        cut = self.prefix_length(name)
        body = name[cut:]
        if cut and body.startswith("委"):
            return "party"
        return next((c.name for c in self.categories if c.matches(name, body)), None)

    def is_committee_body(self, name: str, after_party: bool) -> bool:
        """Whether an elided folded name takes the party committee's prefix."""
        party = self.categories[CATEGORIES.index("party")]
        return _fullmatch(party.committee_bodies, name) or (
            after_party and _fullmatch(party.after_party, name)
        )


def _compile_category(name: str, categories: dict) -> _Category:
    table = categories.get(name, {})
    return _Category(
        name=name,
        keywords=_alternation(table.get("keywords", [])),
        suffixes=_alternation(table.get("suffixes", []), "(?:{})$"),
        committee_bodies=_alternation(table.get("committee_bodies", [])),
        after_party=_alternation(table.get("after_party", [])),
    )


def _label_regex(labels: dict) -> re.Pattern[str]:
    groups = [
        f"(?P<{role}>{'|'.join(map(re.escape, sorted(labels[role], key=len, reverse=True)))})"
        for role in (LEAD, RESPONSIBLE)
        if labels[role]
    ]
    # The colon is usually printed, but "牵头单位 市司法局" and "牵头单位市司法局" occur too.
    return re.compile(rf"(?:{'|'.join(groups) or '(?!)'})[ \t]*:?")


def _marker_regex(phrases: dict) -> re.Pattern[str]:
    def words(key: str) -> str:
        entries = sorted(phrases[key], key=len, reverse=True)
        return "|".join(map(re.escape, entries)) or "(?!)"

    return re.compile(
        rf"(?P<division>(?:{words('division_markers')}){_MARKER_TAIL}{{0,6}})"
        rf"|(?P<lead>(?:{words('lead_markers')}){_MARKER_TAIL}{{0,6}})"
        rf"|(?P<duty>(?:分别|共同|具体)?(?:{words('duty_verbs')}){_MARKER_TAIL}{{0,4}})"
        rf"|(?P<support>(?:{words('support_markers')}){_MARKER_TAIL}{{0,4}})"
    )


# --------------------------------------------------------------------------- loading


def _read_toml(path: Path, what: str) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as err:
        raise InputError(f"The {what} {path} cannot be read ({err.strerror}).") from err
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"The {what} {path} is not valid TOML ({err}).") from err


def _check_list(value: object, where: str, path: Path) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"In the gazetteer extension file {path}, {where} must be a list of text.")


def _merge_table(base: dict, ext: object, schema: dict[str, type], where: str, path: Path):
    if not isinstance(ext, dict):
        raise InputError(f"In the gazetteer extension file {path}, [{where}] must be a table.")
    for key, value in ext.items():
        kind = schema.get(key)
        if kind is None:
            raise InputError(
                f"The gazetteer extension file {path} has an unknown key {where}.{key}."
            )
        if kind is list:
            _check_list(value, f"{where}.{key}", path)
            base[key] = list(dict.fromkeys([*base.get(key, []), *value]))
        elif kind is dict:
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise InputError(
                    f"In the gazetteer extension file {path}, {where}.{key} must map text to text."
                )
            base[key] = {**base.get(key, {}), **value}
        elif not isinstance(value, kind) or isinstance(value, bool):
            raise InputError(
                f"In the gazetteer extension file {path}, {where}.{key} must be {kind.__name__}."
            )
        else:
            base[key] = value


def _merge(base: dict, ext: dict, path: Path) -> dict:
    """A deep copy of ``base`` with the extension ``ext`` merged in (lists appended)."""
    merged = {
        k: {kk: (vv.copy() if isinstance(vv, list | dict) else vv) for kk, vv in v.items()}
        for k, v in base.items()
        if k != "category"
    }
    merged["category"] = {
        name: {k: list(v) for k, v in table.items()} for name, table in base["category"].items()
    }
    for section, value in ext.items():
        if section == "category":
            if not isinstance(value, dict):
                raise InputError(
                    f"In the gazetteer extension file {path}, [category] must be a table."
                )
            for name, table in value.items():
                if name not in CATEGORIES:
                    raise InputError(
                        f"The gazetteer extension file {path} names an unknown category {name!r};"
                        f" use one of {', '.join(CATEGORIES)}."
                    )
                target = merged["category"].setdefault(name, {})
                _merge_table(target, table, _CATEGORY_SCHEMA, f"category.{name}", path)
        elif section in _SCHEMA:
            _merge_table(merged[section], value, _SCHEMA[section], section, path)
        else:
            raise InputError(
                f"The gazetteer extension file {path} has an unknown section [{section}]."
            )
    return merged


@lru_cache(maxsize=1)
def _packaged_data() -> dict:
    return tomllib.loads(_PACKAGED.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _packaged() -> Gazetteer:
    return Gazetteer(_packaged_data())


@lru_cache(maxsize=8)
def _extended(path: Path, _mtime_ns: int) -> Gazetteer:
    ext = _read_toml(path, "gazetteer extension file")
    return Gazetteer(_merge(_packaged_data(), ext, path))


def load_gazetteer(extra: str | os.PathLike | None = None) -> Gazetteer:
    """The packaged gazetteer, merged with a deployment file (``extra`` or $TAIZHANG_GAZETTEER)."""
    location = extra if extra is not None else os.environ.get(ENV_VAR) or None
    if location is None:
        return _packaged()
    path = Path(location).resolve()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as err:
        raise InputError(
            f"The gazetteer extension file {path} cannot be read ({err.strerror})."
        ) from err
    return _extended(path, mtime)


# --------------------------------------------------------------------------- syntax


def _unwrap(raw: str, folded: str, gaz: Gazetteer) -> tuple[str, str]:
    """Remove line breaks that wrap a name ("市司\n法局"), as PDF text and cells do.

    A line break is kept as a separator after a complete name or punctuation
    ("区发改局\n\n责任单位"), and a blank line always separates.
    """
    keep_raw, keep_folded, last = [], [], 0
    for match in _LINE_BREAK.finditer(folded):
        start, end = match.span()
        wraps = (
            match.group().count("\n") == 1
            and start > 0
            and end < len(folded)
            and folded[start - 1] not in _SEPARATORS
            and folded[start - 1] not in _TRIM
            and not folded.endswith(gaz.name_endings, 0, start)
        )
        if wraps:
            keep_raw.append(raw[last:start])
            keep_folded.append(folded[last:start])
            last = end
    keep_raw.append(raw[last:])
    keep_folded.append(folded[last:])
    return "".join(keep_raw), "".join(keep_folded)


def _fields(folded: str, gaz: Gazetteer) -> Iterator[tuple[str | None, int, int]]:
    """(label role or None, start, end) for the text governed by each label."""
    role, start = None, 0
    for match in gaz.labels.finditer(folded):
        yield role, start, match.start()
        role, start = match.lastgroup, match.end()
    yield role, start, len(folded)


def _clauses(folded: str, gaz: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(role, start, end) spans of unit lists; markers like 牵头 / 负责 close a clause."""
    for label, start, end in _fields(folded, gaz):
        seen_lead, pos = False, start
        for match in gaz.markers.finditer(folded, start, end):
            kind = match.lastgroup
            if kind == "lead":
                role = LEAD
            elif kind == "support":
                role = RESPONSIBLE
            else:  # "X负责" / "X按职责分工负责": lead, unless a lead was named already
                role = RESPONSIBLE if seen_lead else LEAD
            yield label or role, pos, match.start()
            seen_lead = seen_lead or kind == "lead"
            pos = match.end()
        # A bare list with no label and no verb (a table cell) names responsible units.
        yield label or RESPONSIBLE, pos, end


def _strip(folded: str, start: int, end: int) -> tuple[int, int]:
    while start < end and folded[start] in _TRIM:
        start += 1
    while end > start and folded[end - 1] in _TRIM:
        end -= 1
    return start, end


def _trim(folded: str, start: int, end: int, openers: tuple[str, ...] = ()) -> tuple[int, int]:
    """Strip punctuation, one opening word ("由"), and brackets left unpaired by a split."""
    start, end = _strip(folded, start, end)
    opener = next((o for o in openers if folded.startswith(o, start, end)), "")
    start, end = _strip(folded, start + len(opener), end)
    opened = folded.count("(", start, end) - folded.count(")", start, end)
    while opened > 0 and start < end and folded[start] == "(":
        start, end = _strip(folded, start + 1, end)
        opened -= 1
    while opened < 0 and start < end and folded[end - 1] == ")":
        start, end = _strip(folded, start, end - 1)
        opened += 1
    return start, end


def _pieces(folded: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split at separators outside parentheses ("各县(市、区)" stays whole)."""
    depth, piece = 0, start
    for i in range(start, end):
        ch = folded[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and ch in _SEPARATORS:
            yield piece, i
            piece = i + 1
    yield piece, end


def _split_joiners(folded: str, start: int, end: int, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Split at 和 / 及 where the text before ends like a complete name."""
    piece, i, depth = start, start, 0
    while i < end:
        if folded[i] == "(":
            depth += 1
        elif folded[i] == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and folded.endswith(gaz.name_endings, piece, i):
            joiner = next((j for j in gaz.joiners if folded.startswith(j, i, end)), "")
            if joiner and i + len(joiner) < end:
                yield piece, i
                piece = i = i + len(joiner)
                continue
        i += 1
    yield piece, end


def _split_etc(folded: str, start: int, end: int, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Drop 等 at the end of a list or before a collective ("金融局等有关部门")."""
    etc = gaz.etc
    at = folded.find(etc, start, end) if etc else -1
    while at != -1:
        if at > start and folded.endswith(gaz.name_endings, start, at):
            rest = _trim(folded, at + len(etc), end)
            tail = folded[rest[0] : rest[1]]
            if not tail or tail in gaz.generic:
                yield start, at
                return
            if gaz.is_collective(tail):
                yield start, at
                yield rest
                return
        at = folded.find(etc, at + len(etc), end)
    yield start, end


def _items(folded: str, start: int, end: int, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Spans of the unit and collective names in one clause."""
    start, end = _trim(folded, start, end, gaz.openers)
    for p_start, p_end in _pieces(folded, start, end):
        p_start, p_end = _trim(folded, p_start, p_end)
        if p_end - p_start > _MAX_NAME:  # prose, not a name: keep whole, do not split further
            yield p_start, p_end
            continue
        for j_start, j_end in _split_joiners(folded, p_start, p_end, gaz):
            for e_start, e_end in _split_etc(folded, *_trim(folded, j_start, j_end), gaz):
                e_start, e_end = _trim(folded, e_start, e_end)
                if _HAN.search(folded, e_start, e_end):
                    yield e_start, e_end


def _alias_cut(name: str) -> int:
    """Where a trailing alias "(州精神文明办)" begins, or len(name); pinyin "(fā)" stays."""
    if not name.endswith(")"):
        return len(name)
    opening = name.rfind("(")
    inner = name[opening + 1 : -1]
    if opening > 0 and ")" not in inner and _HAN.search(inner):
        return len(name[:opening].rstrip())
    return len(name)


# --------------------------------------------------------------------------- naming


@dataclass
class _Namer:
    """Completes elided names from the nearest preceding full name, else the level."""

    gaz: Gazetteer
    level: str | None
    prefix: str | None = None
    last_category: str | None = None

    def name(self, text: str, folded: str) -> tuple[str, str | None]:
        cut = _alias_cut(folded)
        text, folded = text[:cut], folded[:cut]
        category = self.gaz.category(folded)
        if self.gaz.keeps_as_written(folded):
            return text, category
        prefix_length = self.gaz.prefix_length(folded)
        if prefix_length:
            self.prefix = text[:prefix_length]
            self.last_category = category
            return text, category
        prefix = self.prefix or self.level
        if self.gaz.is_committee_body(folded, after_party=self.last_category == "party"):
            category = "party"
            text = self.gaz.committee(prefix) + text if prefix else text
        elif prefix and category is not None:
            text = prefix + text
        self.last_category = category
        return text, category


def _add(names: list[str], name: str) -> None:
    if name not in names:
        names.append(name)


def split_attribution(
    raw: str, *, level: str | None = None, gazetteer: Gazetteer | None = None
) -> Attribution:
    """Split bracket content (without the brackets) into lead, responsible and collectives."""
    gaz = gazetteer or load_gazetteer()
    raw, folded = _unwrap(raw, fold(raw), gaz)
    namer = _Namer(gaz, level)
    result = Attribution()
    for role, start, end in _clauses(folded, gaz):
        for s, e in _items(folded, start, end, gaz):
            if gaz.is_collective(folded[s:e]):
                _add(result.collectives, raw[s:e])
                continue
            name, category = namer.name(raw[s:e], folded[s:e])
            if not name:
                continue
            _add(result.lead if role == LEAD else result.responsible, name)
            if category is None:
                _add(result.unknown, name)
    return result


def infer_level(raws: Iterable[str], *, gazetteer: Gazetteer | None = None) -> str | None:
    """The administrative prefix most names of a document start with ("州", "市", "区" …).

    It is returned as printed (a traditional document gives "縣"), since names completed
    with it keep the document's characters.
    """
    gaz = gazetteer or load_gazetteer()
    counts: Counter[str] = Counter()
    for printed in raws:
        raw, folded = _unwrap(printed or "", fold(printed or ""), gaz)
        for _role, start, end in _clauses(folded, gaz):
            for s, e in _items(folded, start, end, gaz):
                name = folded[s:e]
                if gaz.keeps_as_written(name):
                    continue
                cut = gaz.prefix_length(name)
                level = gaz.level_of(name[:cut])
                if level:
                    counts[raw[s + cut - len(level) : s + cut]] += 1
    return counts.most_common(1)[0][0] if counts else None


def unit_category(name: str, gazetteer: Gazetteer | None = None) -> str | None:
    """ "party", "government", "court", "procuratorate", "mass_organisation", "enterprise",
    "other", or None when the name is not a unit the gazetteer knows."""
    gaz = gazetteer or load_gazetteer()
    folded = fold(name).strip()
    folded = folded[: _alias_cut(folded)]
    if not folded or gaz.is_collective(folded):
        return None
    return gaz.category(folded)
