"""Parse time grows linearly with the text (issue 11, "Linear time").

The printed text is every plan of the repository once (the demo plans and the style
fixtures), and four copies of it: both hold the same mix of plans. (A first part of the
plans, as the run-in test takes, was mostly the long demo plans, and four times as much was
mostly the dense fixtures: about five times the measures, so its time grew as the fixtures
were added, not as the text.) A quadratic step
(every measure against every row, every marker against every line) makes four times the
text cost sixteen times as much; the bound of six leaves room for noise on a shared machine.
Times are CPU times of this process, the least of a few runs. A text printed run-in (every
line break removed) is one long line: nothing may search to the end of the line per marker.
"""

from __future__ import annotations

import time
from pathlib import Path

from taizhang.parsing import parse_text
from tests.parsing import variants

REPO = Path(__file__).resolve().parents[2]
SMALL = 120_000  # bytes of UTF-8: about two plans, the least the plans once may hold
GROWTH = 4
BOUND = 6.0
RUNS = 3
RUN_IN_SMALL = 1_500_000  # bytes: a one-line text long enough for a per-marker scan to show


def plans() -> list[str]:
    paths = [
        *sorted((REPO / "demo").glob("*.txt")),
        *sorted((REPO / "tests/fixtures/styles").glob("*.txt")),
    ]
    return [path.read_text(encoding="utf-8") for path in paths]


def text_of(size: int, texts: list[str]) -> str:
    parts, total = [], 0
    while total < size:
        for text in texts:
            parts.append(text)
            total += len(text.encode("utf-8")) + 2
            if total >= size:
                break
    return "\n\n".join(parts)


def cpu_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(RUNS):
        started = time.process_time()
        parse_text(text)
        best = min(best, time.process_time() - started)
    return best


def test_four_times_the_text_takes_less_than_six_times_as_long():
    texts = plans()
    small = "\n\n".join(texts)
    large = "\n\n".join([small] * GROWTH)
    assert len(small.encode("utf-8")) > SMALL
    parse_text(texts[0])  # warm-up: data files and compiled patterns
    measures_small, measures_large = len(parse_text(small).tasks), len(parse_text(large).tasks)
    assert measures_small > 50  # the text is parsed into measures, not skipped
    assert measures_large >= 3 * measures_small
    assert cpu_seconds(large) < BOUND * cpu_seconds(small)


def test_a_run_in_text_four_times_as_long_takes_less_than_six_times_as_long():
    texts = [variants.run_in(text) for text in plans()]
    small = "".join(text_of(RUN_IN_SMALL, texts).split("\n"))
    large = "".join(text_of(RUN_IN_SMALL * GROWTH, texts).split("\n"))
    parse_text(texts[0])
    assert "\n" not in large and len(parse_text(small).tasks) > 20
    assert cpu_seconds(large) < BOUND * cpu_seconds(small)


def test_task_table_headers_over_and_over_stay_linear():
    # a header's number column named over and over, on lines of their own and printed run
    # in: each name is read within its line's first characters and each run-in candidate
    # within a bounded reach (tables._opening, _TABLE_REACH), not by a scan of the text
    header = "序号\t任务\t牵头单位\t完成时限"
    for joiner in ("\n", ""):
        small = joiner.join([header] * 5_000)
        large = joiner.join([header] * 5_000 * GROWTH)
        parse_text(small)
        assert cpu_seconds(large) < BOUND * cpu_seconds(small)


def test_measure_numbers_and_year_series_over_and_over_stay_linear():
    # 第N项 with no clause end after it (by_number._REACH) and a year series with no 。
    # (targets._SENTENCE_REACH), over and over: each read within a bounded reach
    head = "某县工作方案\n一、任务\n" + "".join(f"{i}.开展培训工作。\n" for i in range(1, 6))

    def by_number(n: int) -> str:
        return head + "县教育局负责" + "第1项和" * n

    def series(n: int) -> str:
        return head + "6.改造管网" + "2024年完成40%,2025年完成80%," * n + "。(县住建局负责)"

    for body in (by_number, series):
        small, large = body(1_500), body(1_500 * GROWTH)
        parse_text(small)
        assert cpu_seconds(large) < BOUND * cpu_seconds(small)
