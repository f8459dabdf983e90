"""The ``taizhang`` command.

    taizhang parse PATH [--format json|xlsx] [-o FILE] [--check] [--gazetteer FILE]

Bad input exits with status 2 and one line on stderr (``taizhang: error: …``), never a
traceback. A document in which no measures were found is not an error: the JSON is printed
and one warning line goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from taizhang import __version__
from taizhang.parsing.errors import InputError
from taizhang.parsing.model import PlanDocument

GAZETTEER_ENV = "TAIZHANG_GAZETTEER"
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1


class _UsageError(Exception):
    pass


class _ArgumentParser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one line instead of usage text."""

    def error(self, message: str):  # type: ignore[override]
        raise _UsageError(f"{message}; run 'taizhang --help' for usage.")


def build_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="taizhang", description="Taizhang (台账) command-line tools.")
    parser.add_argument("--version", action="version", version=f"taizhang {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    parse = commands.add_parser(
        "parse",
        help="parse an implementation plan into the Plan document",
        description="Parse a plan (.txt, .html, .docx, .xlsx or .pdf) and print its Plan document.",
    )
    parse.add_argument("path", metavar="PATH", help="the plan file")
    parse.add_argument("--format", choices=("json", "xlsx"), default="json", help="output format")
    parse.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parse.add_argument(
        "--check", action="store_true", help="print the diagnostics and a summary instead of JSON"
    )
    parse.add_argument(
        "--gazetteer",
        metavar="FILE",
        help=f"a deployment gazetteer (TOML) extending the built-in one; default ${GAZETTEER_ENV}",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return _parse_command(args)
    except (_UsageError, InputError) as error:
        return _fail(str(error), EXIT_BAD_INPUT)
    except BrokenPipeError:  # output piped into `head`
        sys.stderr.close()
        return 0
    except Exception as error:
        if os.environ.get("TAIZHANG_DEBUG"):
            raise
        detail = " ".join(str(error).split())
        message = (
            f"internal error ({type(error).__name__}: {detail}); please report it with the file."
        )
        return _fail(message, EXIT_INTERNAL)


def _fail(message: str, status: int) -> int:
    print(f"taizhang: error: {message}", file=sys.stderr)
    return status


def _parse_command(args: argparse.Namespace) -> int:
    # Deferred, not for a cycle: `taizhang --help` and bad arguments answer without
    # loading the readers (pdfplumber, lxml, python-docx).
    from taizhang.parsing import parse_path

    if args.format == "xlsx" and not args.output and not args.check:
        raise _UsageError("--format xlsx needs -o FILE; name the .xlsx file to write.")
    plan = parse_path(args.path, gazetteer=_gazetteer(args.gazetteer))
    if not plan.tasks:
        print(
            f"taizhang: warning: no numbered measures were found in {args.path}; "
            "check that it is an implementation plan.",
            file=sys.stderr,
        )
    if args.check:
        _emit(check_report(plan), args.output)
    elif args.format == "xlsx":
        _write_xlsx(plan, args.output)
    else:
        _emit(json.dumps(plan.to_dict(), ensure_ascii=False, indent=2) + "\n", args.output)
    return 0


def _gazetteer(option: str | None):
    """The gazetteer named by --gazetteer or $TAIZHANG_GAZETTEER; None means the built-in one."""
    value = option or os.environ.get(GAZETTEER_ENV)
    if not value:
        return None
    path = Path(value)
    if not path.is_file():
        raise InputError(f"the gazetteer {path} does not exist; check the --gazetteer path.")
    from taizhang.parsing.units import load_gazetteer  # deferred like parse_path

    try:
        return load_gazetteer(path)
    except InputError:
        raise
    except (OSError, ValueError) as error:  # tomllib.TOMLDecodeError is a ValueError
        raise InputError(f"the gazetteer {path} cannot be read ({error}); fix the TOML.") from None


def check_report(plan: PlanDocument) -> str:
    """The diagnostics, one per line, then a one-line summary."""
    lines = []
    for diagnostic in plan.diagnostics:
        where = f"line {diagnostic.line}: " if diagnostic.line else ""
        lines.append(f"{where}{diagnostic.level}: {diagnostic.message}")
    lines.append(summary(plan))
    return "\n".join(lines) + "\n"


def summary(plan: PlanDocument) -> str:
    """'82 measures, 71 units, 22 targets, 3 warnings' for one plan."""
    units = {name for task in plan.tasks for name in (*task.lead, *task.responsible)}
    targets = len(plan.targets) + sum(len(task.targets) for task in plan.tasks)
    warnings = sum(1 for d in plan.diagnostics if d.level == "warning")
    return (
        f"{_count(len(plan.tasks), 'measure')}, {_count(len(units), 'unit')}, "
        f"{_count(targets, 'target')}, {_count(warnings, 'warning')}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _emit(text: str, output: str | None) -> None:
    if output:
        _write(Path(output), lambda handle: handle.write(text.encode("utf-8")))
        return
    stream = sys.stdout
    if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() != "utf-8":
        stream.reconfigure(encoding="utf-8")
    stream.write(text)
    stream.flush()


def _write_xlsx(plan: PlanDocument, output: str) -> None:
    from taizhang.documents.plan_ledger import write_plan_ledger  # openpyxl, only for xlsx

    _write(Path(output), lambda handle: write_plan_ledger(plan, handle))


def _write(path: Path, write) -> None:
    try:
        with path.open("wb") as handle:
            write(handle)
    except OSError as error:
        raise InputError(f"cannot write {path} ({error.strerror}); check the -o path.") from None


if __name__ == "__main__":
    sys.exit(main())
