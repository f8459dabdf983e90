"""Load the packaged gazetteer, merged with a deployment's extension file.

An extension may only add to the packaged data: its lists are appended and its tables
merged key by key. A key or category the packaged file does not document is rejected,
so that a typo in a deployment file fails loudly instead of being ignored.
"""

from __future__ import annotations

import copy
import os
import tomllib
from functools import lru_cache
from pathlib import Path

from taizhang.parsing.errors import InputError
from taizhang.parsing.units.gazetteer import CATEGORIES, Gazetteer

ENV_VAR = "TAIZHANG_GAZETTEER"
_PACKAGED = Path(__file__).parents[1] / "data" / "gazetteer.toml"
_EXTENSION = "gazetteer extension file"

# The keys an extension may contain, with the type of their values.
_SECTION_KEYS: dict[str, dict[str, type]] = {
    "levels": {"prefixes": list, "not_prefix": list, "party_committee": str, "committee": dict},
    "places": {
        "admin_chars": str,
        "admin_words": list,
        "placeholder_chars": str,
        "min_length": int,
        "max_length": int,
        "not_place": list,
        "not_place_end": list,
    },
    "labels": {"lead": list, "responsible": list},
    "phrases": {
        "lead_markers": list,
        "support_markers": list,
        "support_phrase_verbs": list,
        "post_endings": list,
        "markers_in_names": list,
        "division_markers": list,
        "duty_adverbs": list,
        "duty_verbs": list,
        "joiners": list,
        "subordinates": list,
        "name_endings": list,
        "merged_bodies": list,
        "openers": list,
        "etc": str,
        "not_units": list,
        "not_unit_exceptions": list,
        "zone_committees": list,
    },
    "collectives": {
        "markers": list,
        "classes": list,
        "generic": list,
        "bare_classes": list,
        "bare_class_heads": list,
    },
    "keep_as_written": {"patterns": list},
}
_CATEGORY_KEYS: dict[str, type] = {
    "keywords": list,
    "suffixes": list,
    "committee_bodies": list,
    "after_party": list,
}


def load_gazetteer(extra: str | os.PathLike | None = None) -> Gazetteer:
    """The packaged gazetteer, merged with a deployment file (``extra`` or $TAIZHANG_GAZETTEER)."""
    location = extra if extra is not None else os.environ.get(ENV_VAR) or None
    if location is None:
        return _packaged()
    path = Path(location).resolve()
    try:
        modified = path.stat().st_mtime_ns
    except OSError as err:
        raise InputError(f"The {_EXTENSION} {path} cannot be read ({err.strerror}).") from err
    return _extended(path, modified)


@lru_cache(maxsize=1)
def _packaged_data() -> dict:
    return tomllib.loads(_PACKAGED.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _packaged() -> Gazetteer:
    return Gazetteer(_packaged_data())


@lru_cache(maxsize=8)
def _extended(path: Path, _modified_ns: int) -> Gazetteer:
    """Cached by modification time too, so that an edited extension is read again."""
    return Gazetteer(_merge(_packaged_data(), _read_extension(path), path))


def _read_extension(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as err:
        raise InputError(f"The {_EXTENSION} {path} cannot be read ({err.strerror}).") from err
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"The {_EXTENSION} {path} is not valid TOML ({err}).") from err


def _merge(base: dict, extension: dict, path: Path) -> dict:
    """A copy of ``base`` with ``extension`` merged in; ``base`` is left unchanged."""
    merged = copy.deepcopy(base)
    for section, value in extension.items():
        if section == "category":
            _merge_categories(merged["category"], value, path)
        elif section in _SECTION_KEYS:
            _merge_table(merged[section], value, _SECTION_KEYS[section], section, path)
        else:
            raise _unknown(path, f"has an unknown section [{section}]")
    return merged


def _merge_categories(base: dict, extension: object, path: Path) -> None:
    if not isinstance(extension, dict):
        raise _invalid(path, "[category] must be a table")
    for name, table in extension.items():
        if name not in CATEGORIES:
            raise _unknown(
                path, f"names an unknown category {name!r}; use one of {', '.join(CATEGORIES)}"
            )
        target = base.setdefault(name, {})
        _merge_table(target, table, _CATEGORY_KEYS, f"category.{name}", path)


def _merge_table(
    base: dict, extension: object, keys: dict[str, type], where: str, path: Path
) -> None:
    """Merge one extension table into ``base``, checking each value's type first."""
    if not isinstance(extension, dict):
        raise _invalid(path, f"[{where}] must be a table")
    for key, value in extension.items():
        kind, name = keys.get(key), f"{where}.{key}"
        if kind is None:
            raise _unknown(path, f"has an unknown key {name}")
        if kind is list:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _invalid(path, f"{name} must be a list of text")
            base[key] = list(dict.fromkeys([*base.get(key, []), *value]))  # no repeats
        elif kind is dict:
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise _invalid(path, f"{name} must map text to text")
            base[key] = {**base.get(key, {}), **value}
        elif isinstance(value, kind) and not isinstance(value, bool):  # TOML true is no int
            base[key] = value
        else:
            raise _invalid(path, f"{name} must be {kind.__name__}")


def _invalid(path: Path, problem: str) -> InputError:
    return InputError(f"In the {_EXTENSION} {path}, {problem}.")


def _unknown(path: Path, problem: str) -> InputError:
    return InputError(f"The {_EXTENSION} {path} {problem}.")
