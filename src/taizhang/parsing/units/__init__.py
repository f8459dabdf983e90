"""Split an attribution bracket into lead, responsible and collective units.

A bracket such as ``牵头单位:市委组织部、宣传部,市司法局;责任单位:市直各有关部门(单位)``
names the units in charge of a measure. Plans elide the administrative prefix of a unit
when it repeats (``宣传部`` means ``市委宣传部``), so each name is completed from the
nearest preceding full name or from the document's level. What counts as a party body,
a bureau or a collective is knowledge kept in ``data/gazetteer.toml``, which a
deployment can extend; this package only reads the bracket's syntax.

Matching is done on ``fold(raw)`` (same length as ``raw``), and every name is sliced
from ``raw``, so traditional characters and pinyin inserts come out as printed.

Modules, in reading order:

- ``loading``: the packaged data file, merged with a deployment's extension.
- ``gazetteer``: the compiled data; answers questions about a single name.
- ``patterns``: gazetteer word lists and wildcard patterns as regexes.
- ``clauses``: bracket text -> clauses, each with the role its label or marker gives.
- ``items``: one clause -> the spans of its unit and collective names.
- ``names``: what a printed item is (its kind, category, prefix and level).
- ``attribution``: the public entry points, tying the steps together; an elided name
  completed with the prefix it stands for.
"""

from taizhang.parsing.units.attribution import (
    BracketReader,
    first_is_lead,
    infer_level,
    prefix_level,
    split_attribution,
    starred_lead,
    unit_category,
)
from taizhang.parsing.units.gazetteer import CATEGORIES, Gazetteer
from taizhang.parsing.units.loading import ENV_VAR, load_gazetteer

__all__ = [
    "CATEGORIES",
    "ENV_VAR",
    "BracketReader",
    "Gazetteer",
    "first_is_lead",
    "infer_level",
    "load_gazetteer",
    "prefix_level",
    "split_attribution",
    "starred_lead",
    "unit_category",
]
