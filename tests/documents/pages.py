"""Page one of a PDF rendered to PNG (poppler's pdftoppm) for people to look at in
docs/screenshots; the document tests that go through LibreOffice share it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def save_page_one(content: bytes, folder: Path, name: str) -> Path:
    """Render page one of the PDF `content` into docs/screenshots/<name>.png."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    source = folder / f"{name}.pdf"
    source.write_bytes(content)
    command = ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*command, str(source), str(folder / name)], check=True, timeout=60)
    page = folder / f"{name}.png"
    assert page.stat().st_size > 10_000
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(page, SCREENSHOTS / f"{name}.png"))
