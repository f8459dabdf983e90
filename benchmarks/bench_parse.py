"""Parse speed and memory: per demo plan, per MB at growing sizes, and against a bare pass.

1. Each demo plan: median in-process ``parse_text`` time, tracemalloc peak, max RSS.
2. Time per MB at 0.25, 1, 5 and 20 MB of text made by concatenating the corpus plans of
   ../shared (a developer tool may read it; without it the demo plans are used), after
   parsing each plan once (the patterns compiled on first use are no cost per MB); the
   least of three runs below 10 MB. Linear parsing keeps s/MB flat; the target is 0.1 s/MB
   at every size.
3. On each seed: parse time (read + parse) over a bare baseline measured in the same run
   (read the file, one regex pass over its text), printed as a ratio; target <= 10x.

Times are the CPU time of this process (time.process_time): on a machine shared with other
work, wall-clock times swing with the load, CPU time much less. On an idle machine the two
agree.
"""

from __future__ import annotations

import re
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from taizhang.parsing import parse_text
from taizhang.parsing.reading import read_path

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "demo"
SHARED = REPO.parent / "shared"
RUNS = 15
_clock = time.process_time
TARGET_MS = 50.0
TARGET_MB = 100.0
SIZES_MB = (0.25, 1, 5, 20)
SIZE_RUNS = 3  # the least of three runs (two at 20 MB): a shared machine only adds time
TARGET_S_PER_MB = 0.1
TARGET_RATIO = 10.0
# The bare pass: one regex over the text, as a hand-written one-rule parser would do.
_ONE_REGEX = re.compile(r"(?m)^\s*(\d{1,3})[.、](.*?)[\[〔(（](.*?)[\]〕)）]\s*$")


def median_seconds(work, runs: int = RUNS) -> float:
    work()  # warm-up: data files, compiled patterns, caches
    times = []
    for _ in range(runs):
        started = _clock()
        work()
        times.append(_clock() - started)
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


def demo_plans() -> list[Path]:
    return sorted(DEMO.glob("*.txt"))


def per_plan() -> None:
    for path in demo_plans():
        text = read_path(path).text
        plan = parse_text(text)
        ms = median_seconds(lambda text=text: parse_text(text)) * 1000
        traced, rss = traced_peak_mb(text), max_rss_mb()
        ok = ms < TARGET_MS and max(traced, rss) < TARGET_MB
        print(
            f"plan={path.stem} chars={len(text)} measures={len(plan.tasks)} "
            f"median_ms={ms:.1f} traced_mb={traced:.1f} rss_mb={rss:.1f} "
            f"[{'ok' if ok else 'OVER TARGET'}]"
        )


def corpus_texts() -> list[str]:
    corpus = sorted((SHARED / "corpus" / "raw").glob("*.txt"))
    if not corpus:
        print(f"note: no corpus at {SHARED}; sizes are made from the demo plans")
        corpus = demo_plans()
    return [read_path(path).text for path in corpus]


def text_of(megabytes: float, texts: list[str]) -> str:
    """Whole plans, concatenated until the UTF-8 size reaches ``megabytes``."""
    wanted, parts, size = int(megabytes * 1024 * 1024), [], 0
    while size < wanted:
        for text in texts:
            parts.append(text)
            size += len(text.encode("utf-8")) + 2
            if size >= wanted:
                break
    return "\n\n".join(parts)


def per_size() -> None:
    texts = corpus_texts()
    for text in texts:  # warm-up: every pattern compiled and data file read once
        parse_text(text)
    for megabytes in SIZES_MB:
        text = text_of(megabytes, texts)
        runs = SIZE_RUNS if megabytes < 10 else 2
        seconds, plan = min((_timed(text) for _ in range(runs)), key=lambda run: run[0])
        rate = seconds / megabytes
        print(
            f"size_mb={megabytes} seconds={seconds:.2f} s_per_mb={rate:.3f} "
            f"measures={len(plan.tasks)} [{'ok' if rate <= TARGET_S_PER_MB else 'OVER TARGET'}]"
        )


def _timed(text: str):
    started = _clock()
    plan = parse_text(text)
    return _clock() - started, plan


def per_seed() -> None:
    seeds = sorted((SHARED / "seeds").glob("*.txt")) or demo_plans()
    for path in seeds:
        baseline = median_seconds(lambda path=path: _ONE_REGEX.findall(path.read_text("utf-8")))
        parse = median_seconds(lambda path=path: parse_text(read_path(path).text))
        ratio = parse / baseline
        print(
            f"seed={path.stem} baseline_ms={baseline * 1000:.2f} parse_ms={parse * 1000:.2f} "
            f"ratio={ratio:.1f} [{'ok' if ratio <= TARGET_RATIO else 'OVER TARGET'}]"
        )


def main() -> int:
    per_plan()
    per_size()
    per_seed()
    print(
        f"targets: < {TARGET_MS:.0f} ms and < {TARGET_MB:.0f} MB per plan; "
        f"<= {TARGET_S_PER_MB} s/MB at every size; <= {TARGET_RATIO:.0f}x the bare pass"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
