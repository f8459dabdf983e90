"""Hand-written plans in other layouts, in every file format: reading, then parsing.

(i) Reading gives back the fixture text in every format (PDF modulo line wrapping; HTML
modulo blank lines and indentation) and none of a web page's furniture.
(ii) ``parse_path`` finds each measure with its number, lead and responsible units as the
gold rules give them (tests/fixtures/expected.json): the acceptance for the core parser.
"""

from __future__ import annotations

import json

import pytest

from taizhang.cli import main
from taizhang.parsing import parse_path
from taizhang.parsing.reading import read_path
from tests.conftest import (
    FIXTURE_PLANS,
    FIXTURES,
    HTML_NOISE,
    blank_pdf_bytes,
    docx_bytes,
    html_page,
    pdf_bytes,
)

EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
FORMATS = ("utf8.txt", "gb18030.txt", "utf16.txt", "utf8bom.txt", "docx", "html", "pdf")


def write_plan(directory, name: str, kind: str):
    """Write fixture ``name`` as a file of ``kind`` and return its path."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    stem = name.removesuffix(".txt")
    encodings = {"utf8.txt": "utf-8", "gb18030.txt": "gb18030", "utf16.txt": "utf-16"}
    encodings["utf8bom.txt"] = "utf-8-sig"
    if kind in encodings:
        data = text.encode(encodings[kind])
    else:
        data = {"docx": docx_bytes, "html": html_page, "pdf": pdf_bytes}[kind](text)
    path = directory / f"{stem}.{kind}"
    path.write_bytes(data)
    return path


def squeeze(text: str) -> str:
    return "".join(text.split())


def nonblank_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


@pytest.fixture(scope="module")
def plan_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("plans")


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("name", FIXTURE_PLANS)
def test_reading_gives_back_the_plan_text(plan_dir, name, kind):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    source = read_path(write_plan(plan_dir, name, kind))
    if kind == "pdf":
        assert squeeze(source.text) == squeeze(text)
    elif kind == "html":
        assert nonblank_lines(text) == nonblank_lines(source.text)[-len(nonblank_lines(text)) :]
    else:
        assert source.text == text


@pytest.mark.parametrize("name", FIXTURE_PLANS)
def test_html_copy_carries_no_page_furniture(plan_dir, name):
    text = read_path(write_plan(plan_dir, name, "html")).text
    assert [noise for noise in HTML_NOISE if noise in text] == []


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("name", FIXTURE_PLANS)
def test_parsing_finds_every_measure_and_its_units(plan_dir, name, kind):
    plan = parse_path(write_plan(plan_dir, name, kind))
    found = [{"no": m.no, "lead": m.lead, "responsible": m.responsible} for m in plan.tasks]
    assert found == EXPECTED[name]


# -- bad input, end to end through the command line ---------------------------------------


def run_cli(capsys, *argv) -> tuple[int, str, list[str]]:
    status = main(["parse", *map(str, argv)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err.splitlines()


def bad_files(directory):
    files = {
        "empty.txt": b"",
        "garbage.txt": bytes(range(256)) * 64,
        "not-a-zip.docx": "这不是一个Word文档".encode(),
        "scan.pdf": blank_pdf_bytes(),
    }
    for file_name, data in files.items():
        (directory / file_name).write_bytes(data)
    huge = directory / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return [*files, "huge.txt"]


@pytest.mark.parametrize(
    ("file_name", "message"),
    [
        ("empty.txt", "is empty"),
        ("garbage.txt", "binary data"),
        ("not-a-zip.docx", "not a ZIP archive"),
        ("scan.pdf", "no text layer"),
        ("huge.txt", "20 MB limit"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line(tmp_path, capsys, file_name, message):
    bad_files(tmp_path)
    status, out, err = run_cli(capsys, tmp_path / file_name)
    assert (status, out) == (2, "")
    assert len(err) == 1
    assert err[0].startswith("taizhang: error: ")
    assert message in err[0]


def test_text_without_measures_prints_json_and_one_warning(tmp_path, capsys):
    path = tmp_path / "notice.txt"
    path.write_text("关于召开全县法治工作会议的通知\n请各单位准时参加。\n", encoding="utf-8")
    status, out, err = run_cli(capsys, path)
    assert status == 0
    assert json.loads(out)["tasks"] == []
    assert len(err) == 1
    assert err[0].startswith("taizhang: warning: ")
