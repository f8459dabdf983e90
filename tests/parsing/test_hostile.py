"""Hostile files are refused within seconds, with one message, and little memory.

Each file is read in a fresh Python process, which reports the refusal reason, the time it
took and its peak resident memory (VmHWM: getrusage's maxrss keeps the high-water mark of
the process that forked it, here the whole test run), so the figures are the reader's own.
The time is the process's CPU time: on a busy machine (CI runs beside other work) wall time
measures the neighbours.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from taizhang import cli
from taizhang.parsing import parse_text
from taizhang.parsing.errors import InputError, refusal_message, refusals
from taizhang.parsing.reading import read_bytes
from tests.parsing import hostile

REPO = Path(__file__).resolve().parents[2]
MAX_SECONDS = 5.0
MAX_MEMORY_MB = 500

_READ_IN_A_FRESH_PROCESS = textwrap.dedent(
    """
    import json, resource, sys
    from taizhang.parsing.reading import read_bytes
    from taizhang.parsing.errors import InputError
    path = sys.argv[1]
    def peak_mb():
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    def cpu():
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    started = cpu()
    try:
        read_bytes(open(path, "rb").read(), path)
        reason = None
    except InputError as error:
        reason = error.reason
    print(json.dumps({
        "reason": reason,
        "seconds": cpu() - started,
        "rss_mb": peak_mb(),
    }))
    """
)


def read_in_fresh_process(path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", _READ_IN_A_FRESH_PROCESS, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = {
        "zip bomb.docx": hostile.zip_bomb_docx(256 << 20),
        "zip bomb.xlsx": hostile.zip_bomb_xlsx(256 << 20),
        "nested.docx": hostile.nested_docx(5000),
        "pages.pdf": hostile.many_pages_pdf(600),
        "huge.txt": ("一、" + "很长的文字。" * 3_600_000).encode(),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("zip bomb.docx", "package_too_large"),
        ("zip bomb.xlsx", "package_too_large"),
        ("nested.docx", "xml_too_deep"),
        ("pages.pdf", "pdf_too_many_pages"),
        ("huge.txt", "too_large"),
    ],
)
def test_a_hostile_file_is_refused_quickly_in_little_memory(hostile_files, name, reason):
    figures = read_in_fresh_process(hostile_files[name])
    assert figures["reason"] == reason
    assert figures["seconds"] < MAX_SECONDS
    assert figures["rss_mb"] < MAX_MEMORY_MB


def test_the_zip_bomb_is_small_and_inflates_far_past_the_limit(hostile_files):
    assert hostile_files["zip bomb.docx"].stat().st_size < 2 << 20


def test_a_pdf_past_the_time_limit_is_refused(monkeypatch, build):
    from taizhang.parsing.readers import pdf

    monkeypatch.setattr(
        pdf, "limit", lambda name: -1 if name == "pdf_max_seconds" else 500, raising=True
    )
    with pytest.raises(InputError) as refused:
        read_bytes(build.pdf_bytes("一、总体要求\n1.加强宣传。"), "slow.pdf")
    assert refused.value.reason == "pdf_too_slow"


def test_a_text_past_the_limit_is_refused_by_the_parser_too():
    with pytest.raises(InputError) as refused:
        parse_text("。" * (20 * 1024 * 1024 + 1))
    assert refused.value.reason == "too_large"


def test_the_command_line_refuses_a_zip_bomb_with_one_line_and_status_2(hostile_files, capsys):
    status = cli.main(["parse", str(hostile_files["zip bomb.docx"])])
    error = capsys.readouterr().err
    assert status == 2
    assert error.count("\n") == 1 and "ZIP bomb" in error


def test_every_refusal_has_a_chinese_and_an_english_message():
    for reason, texts in refusals().items():
        assert set(texts) == {"zh", "en"}, reason
        assert all(texts.values()), reason
    assert "解压" in refusal_message("package_too_large")
    assert refusal_message("no-such-reason") == refusal_message("unreadable")
