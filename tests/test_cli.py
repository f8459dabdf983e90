"""The ``taizhang`` command: JSON, --check, xlsx, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from taizhang.cli import check_report, main, summary
from taizhang.parsing.model import Diagnostic, Measure, PlanDocument, Target
from tests.conftest import DEMO

DEMO_PLAN = sorted(DEMO.glob("*.txt"))[0]


def run(capsys, *argv) -> tuple[int, str, list[str]]:
    status = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err.splitlines()


def test_parse_prints_the_plan_document_as_json(capsys):
    status, out, _ = run(capsys, "parse", DEMO_PLAN)
    assert status == 0
    assert list(json.loads(out)) == list(PlanDocument().to_dict())


def test_json_keeps_chinese_characters_readable(capsys, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("一、总体要求\n1.加强宪法学习。（牵头单位：市司法局）\n", encoding="utf-8")
    _, out, _ = run(capsys, "parse", path)
    assert "\\u" not in out


def test_output_option_writes_json_to_a_file(capsys, tmp_path):
    target = tmp_path / "plan.json"
    status, out, _ = run(capsys, "parse", DEMO_PLAN, "-o", target)
    assert (status, out) == (0, "")
    assert "tasks" in json.loads(target.read_text(encoding="utf-8"))


def test_check_ends_with_a_one_line_summary(capsys):
    status, out, _ = run(capsys, "parse", DEMO_PLAN, "--check")
    assert status == 0
    assert out.splitlines()[-1].endswith("warnings") or out.splitlines()[-1].endswith("warning")


def test_check_report_lists_diagnostics_with_line_numbers():
    plan = PlanDocument(
        tasks=[
            Measure(no=1, chapter="一", section=None, title=None, text="x", attribution_raw=None)
        ],
        diagnostics=[
            Diagnostic(code="no-attribution", message="Measure 1 names no unit.", line=12),
            Diagnostic(code="numbering-gap", message="Measure 3 is missing.", level="info"),
        ],
    )
    assert check_report(plan).splitlines() == [
        "line 12: warning: Measure 1 names no unit.",
        "info: Measure 3 is missing.",
        "1 measure, 0 units, 0 targets, 1 warning",
    ]


def test_summary_counts_distinct_units_and_all_targets():
    target = Target(quote="达到95%", value=95, unit="%")
    measure = Measure(
        no=1,
        chapter=None,
        section=None,
        title=None,
        text="x",
        attribution_raw=None,
        lead=["市司法局"],
        responsible=["市司法局", "市教育局"],
        targets=[target],
    )
    plan = PlanDocument(tasks=[measure, measure], targets=[target])
    assert summary(plan) == "2 measures, 2 units, 3 targets, 0 warnings"


def test_xlsx_format_writes_the_ledger(capsys, tmp_path):
    target = tmp_path / "ledger.xlsx"
    status, out, _ = run(capsys, "parse", DEMO_PLAN, "--format", "xlsx", "-o", target)
    assert (status, out) == (0, "")
    assert load_workbook(target).sheetnames == ["任务台账"]


def test_xlsx_without_output_file_is_a_usage_error(capsys):
    status, out, err = run(capsys, "parse", DEMO_PLAN, "--format", "xlsx")
    assert (status, out) == (2, "")
    assert err == ["taizhang: error: --format xlsx needs -o FILE; name the .xlsx file to write."]


@pytest.mark.parametrize(
    "argv",
    [[], ["parse"], ["frobnicate"], ["parse", "x.txt", "--format", "csv"], ["parse", "--bogus"]],
    ids=["no-command", "no-path", "unknown-command", "bad-format", "unknown-option"],
)
def test_usage_errors_are_one_line_with_status_2(capsys, argv):
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert len(err) == 1
    assert err[0].startswith("taizhang: error: ")


def test_missing_file_is_one_line_with_status_2(capsys, tmp_path):
    status, _, err = run(capsys, "parse", tmp_path / "missing.txt")
    assert status == 2
    assert err == [
        f"taizhang: error: {tmp_path / 'missing.txt'} does not exist; check the path and try again."
    ]


def test_missing_gazetteer_is_one_line_with_status_2(capsys, tmp_path):
    status, _, err = run(capsys, "parse", DEMO_PLAN, "--gazetteer", tmp_path / "none.toml")
    assert status == 2
    assert len(err) == 1
    assert "gazetteer" in err[0]


def test_gazetteer_from_the_environment_is_checked_too(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("TAIZHANG_GAZETTEER", str(tmp_path / "none.toml"))
    status, _, err = run(capsys, "parse", DEMO_PLAN)
    assert status == 2
    assert "gazetteer" in err[0]


def test_console_script_prints_no_traceback_on_bad_input(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "taizhang.cli", "parse", str(empty)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
