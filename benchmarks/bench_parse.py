"""Parse speed and memory on the demo plans: one line per plan.

Median in-process ``parse_text`` time over RUNS runs after a warm-up, the tracemalloc peak of
one parse, and the process's peak RSS. Targets: under 50 ms per plan and under 100 MB.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from taizhang.parsing import parse_text
from taizhang.parsing.reading import read_path

DEMO = Path(__file__).resolve().parents[1] / "demo"
RUNS = 30
TARGET_MS = 50.0
TARGET_MB = 100.0


def median_ms(text: str) -> float:
    parse_text(text)  # warm-up: data files, compiled patterns, caches
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        parse_text(text)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def traced_peak_mb(text: str) -> float:
    tracemalloc.start()
    parse_text(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024 / 1024


def max_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def main() -> int:
    plans = sorted(DEMO.glob("*.txt"))
    if not plans:
        print(f"no demo plans in {DEMO}", file=sys.stderr)
        return 1
    within = True
    for path in plans:
        text = read_path(path).text
        plan = parse_text(text)
        ms, traced = median_ms(text), traced_peak_mb(text)
        rss = max_rss_mb()
        ok = ms < TARGET_MS and max(traced, rss) < TARGET_MB
        within = within and ok
        print(
            f"{path.stem}: {len(text)} chars, {len(plan.tasks)} measures, "
            f"median {ms:.1f} ms over {RUNS} runs, tracemalloc peak {traced:.1f} MB, "
            f"max RSS {rss:.1f} MB [{'ok' if ok else 'OVER TARGET'}]"
        )
    print(f"targets: < {TARGET_MS:.0f} ms per plan, < {TARGET_MB:.0f} MB")
    if not within:
        print("some plan is over target", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
