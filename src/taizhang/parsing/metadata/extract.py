"""``extract_metadata``: every metadata field of a plan, read from its text."""

from __future__ import annotations

from taizhang.parsing.metadata.dates import find_date
from taizhang.parsing.metadata.issuer import find_issuer, news_lead_issuer
from taizhang.parsing.metadata.parents import find_parents
from taizhang.parsing.metadata.period import find_period
from taizhang.parsing.metadata.text import View, front_lines, split_lines
from taizhang.parsing.metadata.title import find_title
from taizhang.parsing.model import Metadata


def extract_metadata(text: str, body_start: int | None = -1, folded: str | None = None) -> Metadata:
    """Title, issuer, date, period and parents of the plan in ``text``. Never raises.

    ``body_start`` is where the plan's work begins (``Skeleton.body_start``; None when the
    text has no working part); the parents are read before it. By default it is found
    by reading the skeleton here. ``folded``: ``fold(text)`` when the caller has it."""
    if not isinstance(text, str) or not text.strip():
        return Metadata()
    try:
        if body_start == -1:
            # structure reads metadata's signature lines: importing it at the top of
            # the metadata package would be a cycle.
            from taizhang.parsing.structure import parse_skeleton

            body_start = parse_skeleton(text).body_start
        return _extract(text, body_start, folded)
    except Exception:  # metadata is best effort: an odd page must not sink an import
        return Metadata()


# Metadata stands at the top (title, notice, preamble, page fields) and, for a plan that is
# itself a notice, in the signature at the end; a long text is read there only, which keeps
# the work bounded.
_HEAD = 60_000
_TAIL = 4_000


def _extract(text: str, body_start: int | None, folded: str | None) -> Metadata:
    if len(text) > _HEAD + _TAIL:
        text = text[:_HEAD] + "\n\n" + text[-_TAIL:]
        if folded is not None:
            folded = folded[:_HEAD] + "\n\n" + folded[-_TAIL:]
    if body_start is None or body_start > _HEAD:
        body_start = len(text)
    view = View.of(text, folded)
    lines = split_lines(view)
    front = front_lines(lines)
    body = view.at_source(body_start)
    title = find_title(view, front, body)
    news_lead = news_lead_issuer(view, front)
    return Metadata(
        title=title.printed if title else None,
        issuer=find_issuer(view, lines, front, title, news_lead),
        date=find_date(lines, view.text, reported=news_lead is not None),
        period=find_period(title.text if title else ""),
        parents=find_parents(view, title, body),
    )
