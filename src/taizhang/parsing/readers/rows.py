"""A table row as one line of text, the same for every reader of tables (.docx, .xlsx)."""

from __future__ import annotations


def row_line(cells: list[str]) -> str | None:
    """The row's cells joined with " | ", or None for a row with nothing in it.

    An empty cell between filled ones keeps its place, so that each cell stays under its
    column's header (a row whose 责任单位 is empty: tests/parsing/formats.py f01 and f03);
    empty cells at the row's ends say nothing. A cell's own line breaks become spaces: the
    row is one line."""
    cells = trimmed([" ".join(cell.split("\n")).strip() for cell in cells])
    return " | ".join(cells) if cells else None


def trimmed(cells: list[str]) -> list[str]:
    """``cells`` without the empty ones at the row's ends; those between filled ones stay."""
    first = next((at for at, cell in enumerate(cells) if cell), len(cells))
    last = next((at for at in range(len(cells) - 1, first - 1, -1) if cells[at]), first - 1)
    return cells[first : last + 1]
