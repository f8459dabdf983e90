"""The GB/T 9704 document builder takes any text people typed: a control character pasted
into a notice's body or a report quoted in an annual report does not stop the .docx."""

from __future__ import annotations

import io
from datetime import date

from docx import Document

from taizhang.documents import official


def test_control_characters_in_the_text_are_dropped():
    text = official.OfficialDocument(
        issuer_mark="某某办文件",
        number="某办〔2026〕1号",
        title="关于\x0b催办的通知",
        addressee="州司法局",
        blocks=[official.Paragraph("请于\x1b5个工作日内\x00报送。")],
        signature="某某办",
        issued_on=date(2026, 11, 2),
    )
    paragraphs = [p.text for p in Document(io.BytesIO(official.build(text))).paragraphs]
    assert "关于催办的通知" in paragraphs and "请于5个工作日内报送。" in paragraphs
