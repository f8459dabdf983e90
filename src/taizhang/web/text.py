"""Text as it may be stored: without the characters that no document format can hold.

C0 control characters other than tab, line feed and carriage return (NUL among them: a
PostgreSQL text column refuses it), lone surrogates (JSON can carry "\\ud800"; UTF-8
cannot encode it) and the non-characters U+FFFE/U+FFFF are invisible in a browser, yet
each one makes .xlsx (openpyxl IllegalCharacterError) or .docx (lxml) writing fail later.
They are removed when text comes in, so every later page and export can trust it."""

from __future__ import annotations

import re

UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return UNSTORABLE.sub("", text)


def clean_data(value):
    """``value`` with every string in it cleaned: strings, lists, and dict keys and values
    (a parsed JSON body)."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean_data(key): clean_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(clean_data(item) for item in value)
    return value
