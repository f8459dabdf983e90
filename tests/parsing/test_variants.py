"""The seeds as other copies print them, each scored against the seed's gold (bar 0.95).

The variants are made here from the seed text (tests/parsing/variants.py): the parser must
read the genre in every printing, not the two files as they happen to be printed.
"""

from __future__ import annotations

import json

import pytest

from taizhang.parsing import parse_text
from tests.parsing import variants
from tests.parsing.scoring import score_plan

BAR = 0.95
SEEDS = ["000_d647a90b60f1f79c", "001_2a401f32e917c985"]
# name -> (variant of the text, conversion of the gold's strings or None)
VARIANTS = {
    "hard-wrapped at 30 characters": (variants.hard_wrapped, None),
    "ragged PDF lines": (variants.ragged_pdf, None),
    "stray spaces inside words": (variants.in_word_spaces, None),
    "full-width punctuation": (variants.fullwidth, variants.fullwidth),
    "attribution on label lines": (variants.own_line_labels, None),
    "labels in 【】": (variants.bracket_labels, None),
    "every line break removed": (variants.run_in, None),
    "traditional characters": (variants.traditional, variants.traditional),
}


@pytest.mark.parametrize("name", list(VARIANTS))
@pytest.mark.parametrize("seed", SEEDS)
def test_seed_variant_scores_at_least_the_bar(shared_dir, tmp_path, seed, name):
    make, convert = VARIANTS[name]
    text = make((shared_dir / "seeds" / f"{seed}.txt").read_text(encoding="utf-8"))
    gold = json.loads((shared_dir / "gold" / f"{seed}.json").read_text(encoding="utf-8"))
    if convert is not None:
        gold = variants.convert_gold(gold, convert)
    gold_path = tmp_path / f"{seed}.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    figures = score_plan(shared_dir, gold_path, parse_text(text), tmp_path)
    assert figures["overall"] >= BAR, figures["report"]
