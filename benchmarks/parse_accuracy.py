"""Per-file accuracy of the parser, saved and compared: the guard for every optimisation.

    .venv/bin/python benchmarks/parse_accuracy.py --save       # record a baseline
    .venv/bin/python benchmarks/parse_accuracy.py              # compare against it

Parses the seeds, their variants (tests/parsing/variants.py), the corpus of ../shared and the
test fixtures, scores what has gold with shared/tools/score_plan.py (in process), and
compares both the scores and the whole JSON output (diagnostics included) with the saved
baseline. Prints the files whose score or output changed, and the means.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import runpy
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from taizhang.parsing import parse_path, parse_text  # noqa: E402
from tests.parsing import variants  # noqa: E402
from tests.parsing.test_variants import VARIANTS  # noqa: E402

SHARED = (REPO / ".." / "shared").resolve()
FIXTURES = REPO / "tests" / "fixtures"
BASELINE = REPO / "var" / "parse-baseline.json"  # var/ is not committed
SEEDS = ["000_d647a90b60f1f79c", "001_2a401f32e917c985"]


def score(gold: dict, plan_json: dict) -> float:
    """overall_f1 of the acceptance scorer, run in this process."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, parsed_path = Path(tmp) / "gold.json", Path(tmp) / "parsed.json"
        gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        parsed_path.write_text(json.dumps(plan_json, ensure_ascii=False), encoding="utf-8")
        out = io.StringIO()
        argv = sys.argv
        sys.argv = ["score_plan.py", str(gold_path), str(parsed_path)]
        try:
            with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
                runpy.run_path(str(SHARED / "tools" / "score_plan.py"), run_name="__main__")
        finally:
            sys.argv = argv
    return float(re.search(r"overall_f1=([\d.]+)", out.getvalue()).group(1))


def cases():
    """(group, name, plan JSON, gold or None) for every file the parser is held to."""
    for seed in SEEDS:
        text = (SHARED / "seeds" / f"{seed}.txt").read_text(encoding="utf-8")
        gold = json.loads((SHARED / "gold" / f"{seed}.json").read_text(encoding="utf-8"))
        yield "seed", seed, parse_path(SHARED / "seeds" / f"{seed}.txt").to_dict(), gold
        for name, (make, convert) in VARIANTS.items():
            converted = variants.convert_gold(gold, convert) if convert else gold
            yield "variant", f"{seed[:3]} {name}", parse_text(make(text)).to_dict(), converted
    for gold_path in sorted((SHARED / "corpus" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = SHARED / "corpus" / "raw" / f"{gold_path.stem}.txt"
        yield "corpus", gold_path.stem[:3], parse_path(raw).to_dict(), gold
    for path in sorted([*FIXTURES.glob("*.txt"), *(FIXTURES / "styles").glob("*")]):
        if path.is_file():
            yield "fixture", path.name, parse_path(path).to_dict(), None


def measure() -> dict:
    results = {}
    for group, name, plan, gold in cases():
        results[f"{group}:{name}"] = {
            "score": score(gold, plan) if gold is not None else None,
            "output": plan,
        }
    return results


def report(results: dict, baseline: dict | None) -> int:
    changed = 0
    groups: dict[str, list[float]] = {}
    for key, result in results.items():
        if result["score"] is not None:
            groups.setdefault(key.split(":")[0], []).append(result["score"])
        if baseline is None or key not in baseline:
            continue
        before = baseline[key]
        if before["score"] != result["score"]:
            print(f"SCORE {key}: {before['score']} -> {result['score']}")
            changed += 1
        elif before["output"] != result["output"]:
            print(f"OUTPUT {key}: {_first_difference(before['output'], result['output'])}")
            changed += 1
    for group, scores in groups.items():
        print(f"{group}: n={len(scores)} mean={sum(scores) / len(scores):.4f} min={min(scores)}")
    if baseline is not None:
        print(f"{changed} changed" if changed else "identical to the baseline")
    return changed


def _first_difference(before, after, path="") -> str:
    if type(before) is not type(after):
        return f"{path}: {before!r} -> {after!r}"
    if isinstance(before, dict):
        for key in sorted(set(before) | set(after)):
            if before.get(key) != after.get(key):
                return _first_difference(before.get(key), after.get(key), f"{path}.{key}")
    if isinstance(before, list):
        if len(before) != len(after):
            return f"{path}: {len(before)} items -> {len(after)}"
        for i, (a, b) in enumerate(zip(before, after, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{path}[{i}]")
    return f"{path}: {str(before)[:120]!r} -> {str(after)[:120]!r}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", action="store_true", help="record these results as baseline")
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    args = parser.parse_args()
    results = measure()
    if args.save:
        args.baseline.parent.mkdir(exist_ok=True)
        args.baseline.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
        report(results, None)
        print(f"saved {len(results)} results to {args.baseline}")
        return 0
    baseline = json.loads(args.baseline.read_text(encoding="utf-8"))
    return 1 if report(results, baseline) else 0


if __name__ == "__main__":
    sys.exit(main())
