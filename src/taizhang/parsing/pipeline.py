"""From a file or a text to a PlanDocument. (Stub: being written; signatures are final.)"""

from __future__ import annotations

from pathlib import Path

from taizhang.parsing.model import PlanDocument


def parse_text(text: str, *, gazetteer=None) -> PlanDocument:
    """Parse the text of a plan. Never raises on odd text; problems become diagnostics."""
    return PlanDocument()


def parse_path(path: str | Path, *, gazetteer=None) -> PlanDocument:
    """Read a .txt/.html/.docx/.pdf file and parse it. Raises InputError on unreadable input."""
    from taizhang.parsing.reading import read_path

    return parse_text(read_path(path).text, gazetteer=gazetteer)
