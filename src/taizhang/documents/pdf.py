"""A .docx turned into PDF by LibreOffice (Debian's libreoffice-writer-nogui), headless,
with a throwaway HOME and user profile so that runs never share or leave state and two
conversions at once do not collide."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 180


class ConversionError(Exception):
    """The PDF could not be made; the message is for people."""


def available() -> bool:
    return shutil.which("soffice") is not None


def to_pdf(docx: bytes, name: str = "report") -> bytes:
    if not available():
        raise ConversionError("服务器未安装 LibreOffice，暂时无法生成 PDF，请下载 Word 版本。")
    with tempfile.TemporaryDirectory(prefix="taizhang-pdf-") as work:
        folder = Path(work)
        source = folder / f"{name}.docx"
        source.write_bytes(docx)
        environment = {**os.environ, "HOME": str(folder / "home")}
        command = [
            "soffice",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            subprocess.run(
                command,
                check=True,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                env=environment,
                cwd=folder,
            )
        except subprocess.TimeoutExpired as error:
            raise ConversionError("生成 PDF 超时，请稍后重试或下载 Word 版本。") from error
        except (subprocess.CalledProcessError, OSError) as error:
            raise ConversionError("生成 PDF 失败，请稍后重试或下载 Word 版本。") from error
        result = folder / "out" / f"{name}.pdf"
        if not result.is_file() or not result.read_bytes().startswith(b"%PDF"):
            raise ConversionError("生成 PDF 失败，请稍后重试或下载 Word 版本。")
        return result.read_bytes()
