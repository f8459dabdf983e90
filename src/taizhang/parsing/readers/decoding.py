"""Bytes of a text file -> str, whatever the encoding the publisher chose.

Order: a byte-order mark; UTF-16 without BOM (only when NUL bytes show up, which UTF-8 and
GB18030 text never contains); strict UTF-8; strict GB18030 (a superset of GB2312 and GBK);
Big5; charset-normalizer's guess. A candidate that decodes but looks garbled is passed
over. When nothing decodes the whole file (a mixed or mis-declared file) each line is
decoded on its own, and undecodable bytes become U+FFFD as the last resort.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 256 * 1024  # charset-normalizer is slow on big inputs; a sample is enough to guess
_MAX_GARBLE = 0.02
_GARBLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\u3040-\u30ff\u0370-\u04ff\ud800-\udfff]"
)


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name). Never raises; the text may contain U+FFFD."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    for encoding in _candidates(data, declared):
        text = _strict(data, encoding)
        if text is not None and garble_ratio(text) <= _MAX_GARBLE:
            return text, encoding
    return _decode_by_line(data), "mixed"


def garble_ratio(text: str) -> float:
    """Share of characters that real plan text does not contain: controls, U+FFFD, private
    use, and the kana, Greek or Cyrillic that a wrong Chinese codec produces."""
    if not text or _GARBLE.search(text) is None:  # most texts hold none: no list is made
        return 0.0
    return len(_GARBLE.findall(text)) / len(text)


def _candidates(data: bytes, declared: str | None) -> Iterator[str]:
    """Encodings to try, in order, each once; charset-normalizer is asked only when the
    likely ones fail."""
    tried: set[str] = set()
    for candidate in _likely(data, declared):
        if candidate and candidate not in tried:
            tried.add(candidate)
            yield candidate
    guess = _normalizer_guess(data)
    if guess and guess not in tried:
        yield guess


def _likely(data: bytes, declared: str | None) -> Iterator[str | None]:
    if b"\x00" in data:
        yield from _utf16_guess(data)
    yield "utf-8"
    if declared:
        yield _codec_name(declared)
    yield from ("gb18030", "big5")


def _utf16_guess(data: bytes) -> list[str]:
    # ASCII characters (digits, newlines) put their NUL byte first in BE and second in LE.
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    return ["utf-16-le", "utf-16-be"] if odd >= even else ["utf-16-be", "utf-16-le"]


def _codec_name(declared: str) -> str | None:
    try:
        name = codecs.lookup(declared.strip().lower()).name
    except LookupError:
        return None
    # Pages that declare GB2312 or GBK routinely use characters outside them.
    return "gb18030" if name in ("gb2312", "gbk", "hz") else name


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SAMPLE]).best()
    return best.encoding if best is not None else None


def _decode_by_line(data: bytes) -> str:
    return "".join(_decode_line(line) for line in data.splitlines(keepends=True))


def _decode_line(line: bytes) -> str:
    for encoding in ("utf-8", "gb18030"):
        text = _strict(line, encoding)
        if text is not None:
            return text
    return line.decode("utf-8", errors="replace")
