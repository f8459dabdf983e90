"""The urging notice's .docx, read back with python-docx: the parts GB/T 9704-2012 fixes.
No database: the builder is plain Python."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from taizhang.notices.document import (
    NoticeRow,
    NoticeText,
    build,
    title_lines,
    written_date,
)

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "urge-notice.png"
ROWS = [
    NoticeRow(
        "任务3：开展“八五”普法中期评估，完善普法责任清单制度",
        "2026年第三季度进展报告逾期未报送",
        12,
    ),
    NoticeRow("任务15：推进法治文化阵地建设", "2026年第二季度进展报告退回后逾期未重新报送", 5),
]
TEXT = NoticeText(
    issuer_mark="州委依法治州办文件",
    number="依法治州办督〔2026〕3号",
    title="关于及时完成逾期任务事项的提醒通知",
    addressee="州教育局",
    body=(
        "截至2026年11月21日，你单位承担的《黔南州法治社会建设实施方案(2022—2025年)》任务中，"
        "有以下2项事项逾期未完成（详见下表）。\n"
        "请你单位高度重视，逐项核实原因，于2026年11月28日前完成报送或整改，并将落实情况报送我办。"
    ),
    signature="州委依法治州办",
    issued_on=date(2026, 11, 21),
    rows=ROWS,
)


@pytest.fixture(scope="module")
def document():
    return Document(io.BytesIO(build(TEXT)))


def _paragraph(document, text):
    return next(p for p in document.paragraphs if p.text.strip() == text)


def _east_asia_font(run) -> str:
    return run._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_page_is_a4_with_the_standard_margins(document):
    section = document.sections[0]
    measured = [
        round(length.mm, 1)
        for length in (
            section.page_width,
            section.page_height,
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
    ]
    assert measured == [210, 297, 37, 35, 28, 26]


def test_issuer_mark_is_red_centred_and_bold(document):
    mark = _paragraph(document, "州委依法治州办文件")
    run = mark.runs[0]
    assert mark.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert str(run.font.color.rgb) == "FF0000"
    assert run.font.bold
    assert _east_asia_font(run) == "方正小标宋简体"


def test_document_number_is_centred_above_a_red_line(document):
    number = _paragraph(document, "依法治州办督〔2026〕3号")
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    bottom = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == "FF0000"


def test_title_is_2hao_xiaobiaosong_centred(document):
    title = _paragraph(document, TEXT.title)
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].font.size == Pt(22)
    assert _east_asia_font(title.runs[0]) == "方正小标宋简体"


def test_addressee_is_flush_left_with_a_full_width_colon(document):
    addressee = _paragraph(document, "州教育局：")
    assert addressee.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert addressee.paragraph_format.first_line_indent in (None, 0)


def test_body_is_3hao_fangsong_indented_two_characters_on_28pt_lines(document):
    first = next(p for p in document.paragraphs if p.text.startswith("截至2026年11月21日"))
    assert first.runs[0].font.size == Pt(16)
    assert _east_asia_font(first.runs[0]) == "仿宋_GB2312"
    assert first.paragraph_format.first_line_indent == Pt(32)
    assert document.styles["Normal"].paragraph_format.line_spacing == Pt(28)


def test_table_rows_match_the_items(document):
    table = document.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "任务内容", "存在问题", "逾期天数"]
    assert rows[1:] == [
        ["1", ROWS[0].task, ROWS[0].problem, "12"],
        ["2", ROWS[1].task, ROWS[1].problem, "5"],
    ]


def test_signature_and_date_close_the_document_right_aligned(document):
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[-2:] == ["州委依法治州办", "2026年11月21日"]
    signature, dated = (_paragraph(document, t) for t in texts[-2:])
    assert signature.alignment == dated.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    # the date's first character two characters right of the signature's (§7.3.5.2)
    assert dated.paragraph_format.right_indent < signature.paragraph_format.right_indent


def test_date_is_written_in_arabic_numerals_without_leading_zeros():
    assert written_date(date(2026, 1, 5)) == "2026年1月5日"


def test_footer_carries_a_page_field_between_dashes(document):
    for footer in (document.sections[0].footer, document.sections[0].even_page_footer):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml and "fldChar" in xml
        assert footer.paragraphs[0].text.startswith("— ") and footer.paragraphs[0].text.endswith(
            " —"
        )


def test_missing_standard_fonts_fall_back_to_installed_ones(document):
    part = next(
        p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    assert "方正小标宋简体" in part.blob.decode() and 'w:val="仿宋"' in part.blob.decode()


def test_a_long_title_splits_into_two_balanced_lines():
    lines = title_lines("关于黔南布依族苗族自治州教育局法治社会建设任务逾期未完成情况的通报")
    assert len(lines) == 2 and abs(len(lines[0]) - len(lines[1])) <= 1


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_it_to_a_one_or_two_page_pdf(tmp_path):
    source = tmp_path / "notice.docx"
    source.write_bytes(build(TEXT))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "notice.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm"):  # page 1 for people to look at (docs/screenshots)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(tmp_path / "page"),
            ],
            check=True,
            timeout=60,
        )
        assert (tmp_path / "page.png").stat().st_size > 10_000
