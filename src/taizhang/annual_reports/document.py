"""An annual report as an official document: its sections numbered 一、二、…, each section's
text (a short line "（一）…" without a full stop is a subheading) followed by its tables."""

from __future__ import annotations

import re
from datetime import date

from taizhang.annual_reports.draft import chinese_number
from taizhang.documents import official

_SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）[^。；：:]{1,30}$")


def blocks_of(sections: list[dict]) -> list:
    blocks: list = []
    for index, section in enumerate(sections, start=1):
        blocks.append(official.Heading(f"{chinese_number(index)}、{section['heading']}"))
        for line in official.paragraphs(section.get("text", "")):
            if _SUBHEADING.match(line):
                blocks.append(official.Heading(line, level=2))
            else:
                blocks.append(official.Paragraph(line))
        for table in section.get("tables", []):
            blocks.append(
                official.Table(
                    header=table["header"],
                    rows=table["rows"],
                    widths_mm=table["widths"],
                    caption=table.get("caption", ""),
                    centred=frozenset(table.get("centred", ())),
                    size=official.SIZE_SMALL_TABLE if table.get("small") else official.SIZE_TABLE,
                )
            )
    return blocks


def document_of(report, issued_on: date) -> official.OfficialDocument:
    return official.OfficialDocument(
        issuer_mark=report.issuer_mark,
        number=report.number,
        title=report.title,
        addressee=report.addressee,
        blocks=blocks_of(report.sections),
        signature=report.signature,
        issued_on=issued_on,
        copy_to=report.copy_to,
    )


def render(report, issued_on: date) -> bytes:
    """The .docx of the report as it stands."""
    return official.build(document_of(report, issued_on))
