"""Scoring a parse with the acceptance scorer (shared/tools/score_plan.py), run as a program."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from taizhang.parsing.model import PlanDocument


def score_plan(shared: Path, gold: Path, plan: PlanDocument, tmp_path: Path) -> dict[str, float]:
    """The scorer's F1 per field, plus "overall", for ``plan`` against the gold file."""
    parsed = tmp_path / f"{gold.stem}.parsed.json"
    parsed.write_text(json.dumps(plan.to_dict(), ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(shared / "tools" / "score_plan.py"), str(gold), str(parsed)],
        capture_output=True,
        text=True,
        check=False,
    )
    figures = {
        row.group(1): float(row.group(2))
        for row in re.finditer(r"^(\w+)\s+[\d.]+\s+[\d.]+\s+([\d.]+)$", result.stdout, re.M)
    }
    figures["overall"] = float(re.search(r"overall_f1=([\d.]+)", result.stdout).group(1))
    figures["report"] = result.stdout  # type: ignore[assignment]
    return figures
