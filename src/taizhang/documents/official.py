"""Official documents as .docx in the layout of Chinese official documents (GB/T 9704-2012),
shared by the urging notices (notices/document.py) and the annual reports
(annual_reports/document.py).

Pure python-docx: nothing here knows about Django, so the layout can be tested on plain data.

What the standard fixes and this module follows: A4 paper; margins top 37 mm, bottom
35 mm, left 28 mm, right 26 mm; the issuing office's mark (发文机关标志) centred in red
小标宋 with a red separator line under the document number (发文字号); the title in
2号小标宋 centred; the addressee (主送机关) flush left followed by a full-width colon; the
body in 3号仿宋_GB2312 with a two-character first-line indent on a 28 pt line pitch, its
headings 一、 in 黑体 and (一) in 楷体; the signature (落款) and the date written in Arabic
numerals (成文日期, "2026年11月21日"), aligned right as §7.3.5.2 prescribes for documents
without a seal; the copy-to line (抄送机关) between two rules at the foot (版记); and page
numbers "— 1 —" in 4号宋体 under the type area, odd pages right, even pages left, one
character in.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

# Font names as Chinese government offices have them installed, each with the font Word
# (or LibreOffice) substitutes where it is missing: the fallback is written into the
# document's font table (w:altName), so the file names the standard fonts and still
# renders on a machine without them.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
FALLBACKS = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", HEADING_FONT: "SimHei", SUBHEADING_FONT: "楷体"}

RED = RGBColor(0xFF, 0x00, 0x00)
SIZE_TITLE = Pt(22)  # 2号
SIZE_BODY = Pt(16)  # 3号
SIZE_TABLE = Pt(14)  # 4号: tables in a body are set one size down to fit the columns
SIZE_SMALL_TABLE = Pt(12)  # 小4号: wide tables (many columns)
SIZE_PAGE_NUMBER = Pt(14)  # 4号
LINE_PITCH = Pt(28)
TYPE_AREA_WIDTH_MM = 210 - 28 - 26  # 156 mm
TYPE_AREA_WIDTH_PT = TYPE_AREA_WIDTH_MM * 72 / 25.4

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CHINESE_NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}


# -- what a document is made of ------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A numbered heading of the body: level 1 "一、总体情况" (黑体), level 2 "（一）…" (楷体)."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    """A table in the body: an optional caption above it, a header row repeated on every
    page, widths in millimetres (adding up to at most the type area's 156 mm)."""

    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths_mm: Sequence[float]
    caption: str = ""
    centred: frozenset[int] = frozenset()  # 0-based columns set centred (序号, numbers)
    size: object = SIZE_TABLE


@dataclass(frozen=True)
class OfficialDocument:
    issuer_mark: str  # 发文机关标志: "州委依法治州办文件"
    number: str  # 发文字号: "依法治州办督〔2026〕3号"
    title: str
    addressee: str  # 主送机关, without the colon
    blocks: list = field(default_factory=list)  # Heading | Paragraph | Table
    signature: str = ""  # 落款
    issued_on: date | None = None
    copy_to: str = ""  # 抄送机关, without the colon


def written_date(day: date) -> str:
    """成文日期 as GB/T 9704-2012 §7.3.5 writes it: Arabic numerals, the year in full,
    month and day without leading zeros."""
    return f"{day.year}年{day.month}月{day.day}日"


def paragraphs(body: str) -> list[str]:
    """The non-empty lines of a text, one paragraph each."""
    return [line.strip() for line in body.replace("\r\n", "\n").split("\n") if line.strip()]


def build(text: OfficialDocument) -> bytes:
    """The .docx file of the document."""
    document = Document()
    page_setup(document)
    base_style(document)
    letterhead(document, text.issuer_mark, text.number)
    title(document, text.title)
    addressee(document, text.addressee)
    for block in text.blocks:
        if isinstance(block, Heading):
            heading(document, block.text, block.level)
        elif isinstance(block, Table):
            table(document, block)
        else:
            body_paragraph(document, block.text)
    if text.signature or text.issued_on:
        signature(document, text.signature, written_date(text.issued_on) if text.issued_on else "")
    if text.copy_to:
        copy_to(document, text.copy_to)
    page_numbers(document)
    declare_fallback_fonts(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- the page ------------------------------------------------------------------------------


def page_setup(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    # The page number sits 7 mm under the type area (§7.5); Word measures the footer from
    # the paper's edge.
    section.footer_distance = Mm(35 - 7 - 6)
    section.header_distance = Mm(15)


def base_style(document) -> None:
    style = document.styles["Normal"]
    set_font(style.font, style.element, BODY_FONT, SIZE_BODY)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.widow_control = False


def set_font(font, element, name: str, size, bold: bool | None = None, color=None) -> None:
    """Set the font for Chinese and Latin text alike (python-docx sets only the Latin
    name; Chinese characters follow w:eastAsia)."""
    font.name = name
    font.size = size
    if bold is not None:
        font.bold = bold
    if color is not None:
        font.color.rgb = color
    properties = element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def xml_text(text: str) -> str:
    """Text as XML can hold it: control characters (a pasted form feed, a stray escape)
    are dropped, as lxml refuses them and the document would not be written at all."""
    return _XML_ILLEGAL.sub("", text)


def run(paragraph, text: str, font: str, size, bold=None, color=None):
    added = paragraph.add_run(xml_text(text))
    set_font(added.font, added._element, font, size, bold, color)
    return added


def new_paragraph(document, alignment=WD_ALIGN_PARAGRAPH.LEFT):
    paragraph = document.add_paragraph()
    paragraph.alignment = alignment
    return paragraph


def blank_lines(document, count: int) -> None:
    for _ in range(count):
        document.add_paragraph()


# -- the parts ----------------------------------------------------------------------------


def letterhead(document, issuer_mark: str, number: str) -> None:
    """发文机关标志, 发文字号 and the red separator line (§7.2.3-7.2.6)."""
    mark = new_paragraph(document, WD_ALIGN_PARAGRAPH.CENTER)
    size = mark_size(issuer_mark)
    mark.paragraph_format.line_spacing = Pt(size.pt * 1.25)
    # The mark's top edge is 35 mm under the type area's top edge.
    mark.paragraph_format.space_before = Mm(35)
    run(mark, issuer_mark, TITLE_FONT, size, bold=True, color=RED)
    blank_lines(document, 1)  # 发文机关标志下空二行 (one blank line at the mark's height)
    line = new_paragraph(document, WD_ALIGN_PARAGRAPH.CENTER)
    run(line, number, BODY_FONT, SIZE_BODY)
    red_rule(line)


def mark_size(mark: str):
    """As large as the standard's examples (about 2 cm high) but never wider than the
    type area: long office names shrink to fit on one line."""
    return Pt(min(36, int(TYPE_AREA_WIDTH_PT * 0.96 / max(len(mark), 1))))


def red_rule(paragraph) -> None:
    """The separator line 4 mm under the document number, as wide as the type area."""
    _bottom_border(paragraph, color="FF0000", size="12", space="11")


def _bottom_border(paragraph, color: str, size: str, space: str, edge: str = "bottom") -> None:
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        properties.append(borders)
    line = OxmlElement(f"w:{edge}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), size)  # eighths of a point
    line.set(qn("w:space"), space)  # points between the text and the line
    line.set(qn("w:color"), color)
    borders.append(line)


def title(document, text: str) -> None:
    """标题: 2号小标宋, centred, two lines under the red line (§7.3.1)."""
    blank_lines(document, 2)
    paragraph = new_paragraph(document, WD_ALIGN_PARAGRAPH.CENTER)
    paragraph.paragraph_format.line_spacing = Pt(36)
    for index, line in enumerate(title_lines(text)):
        added = run(paragraph, line, TITLE_FONT, SIZE_TITLE, bold=True)
        if index:
            added._r.insert(added._r.index(added._r.find(qn("w:t"))), OxmlElement("w:br"))
    blank_lines(document, 1)


def title_lines(title: str) -> list[str]:
    """A title too long for one line is split into two of nearly equal length, the upper
    one the longer (§7.3.1: 梯形), rather than leaving one character on the second line."""
    capacity = int(TYPE_AREA_WIDTH_PT // SIZE_TITLE.pt)
    if width(title) <= capacity:
        return [title]
    # "某某人民政府 / 关于……的报告": the issuer on the first line keeps the words whole
    # (§7.3.1: 回行时要做到词意完整), where both lines fit.
    about = title.find("关于")
    if about > 0 and width(title[:about]) <= capacity and width(title[about:]) <= capacity:
        return [title[:about], title[about:]]
    middle = (len(title) + 1) // 2
    return [title[:middle], title[middle:]]


def addressee(document, text: str) -> None:
    """主送机关: flush left, closed by a full-width colon (§7.3.2)."""
    paragraph = new_paragraph(document)
    run(paragraph, f"{text.rstrip('：:')}：", BODY_FONT, SIZE_BODY)


def body_paragraph(document, text: str) -> None:
    """正文: two characters' first-line indent; a short line numbered 一、 is a heading in
    黑体 (texts typed by people carry their headings inline)."""
    paragraph = new_paragraph(document, WD_ALIGN_PARAGRAPH.JUSTIFY)
    paragraph.paragraph_format.first_line_indent = Pt(SIZE_BODY.pt * 2)
    is_heading = len(text) < 40 and text[:2].rstrip("、") in _CHINESE_NUMERALS and "、" in text[:3]
    run(paragraph, text, HEADING_FONT if is_heading else BODY_FONT, SIZE_BODY)


def heading(document, text: str, level: int = 1) -> None:
    """一级标题 in 黑体, 二级标题 in 楷体, both indented two characters like the body."""
    paragraph = new_paragraph(document, WD_ALIGN_PARAGRAPH.JUSTIFY)
    paragraph.paragraph_format.first_line_indent = Pt(SIZE_BODY.pt * 2)
    paragraph.paragraph_format.keep_with_next = True
    run(paragraph, text, HEADING_FONT if level == 1 else SUBHEADING_FONT, SIZE_BODY)


def table(document, spec: Table) -> None:
    if spec.caption:
        caption = new_paragraph(document, WD_ALIGN_PARAGRAPH.CENTER)
        caption.paragraph_format.keep_with_next = True  # never a caption alone at a page foot
        run(caption, spec.caption, HEADING_FONT, SIZE_BODY)
    columns = len(spec.header)
    grid = document.add_table(rows=1 + len(spec.rows), cols=columns)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, column_width in zip(grid.columns, spec.widths_mm, strict=True):
        column.width = Mm(column_width)  # the grid, which LibreOffice follows
    values = [list(spec.header)] + [[str(value) for value in row] for row in spec.rows]
    for row_index, (table_row, cells) in enumerate(zip(grid.rows, values, strict=True)):
        keep_row_together(table_row, header=row_index == 0)
        for column, (cell, value) in enumerate(zip(table_row.cells, cells, strict=True)):
            cell.width = Mm(spec.widths_mm[column])
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            paragraph.paragraph_format.space_before = Pt(2)
            paragraph.paragraph_format.space_after = Pt(2)
            centred = row_index == 0 or column in spec.centred
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
            font = HEADING_FONT if row_index == 0 else BODY_FONT
            run(paragraph, value, font, spec.size)
    # Space under a table before the text goes on.
    document.add_paragraph().paragraph_format.line_spacing = Pt(12)


def keep_row_together(row, header: bool) -> None:
    """No row breaks across pages; the header row repeats on every page of the table."""
    properties = row._tr.get_or_add_trPr()
    for name in ("w:cantSplit", "w:tblHeader") if header else ("w:cantSplit",):
        element = OxmlElement(name)
        element.set(qn("w:val"), "true")
        properties.append(element)


def signature(document, name: str, dated: str) -> None:
    """落款 without a seal (§7.3.5.2): one blank line under the body; the signature two
    characters in from the right; the date on the next line, its first character two
    characters right of the signature's; if the date is the longer, the date keeps the
    two characters and the signature moves right."""
    signature_width, date_width = width(name), width(dated)
    date_right = max(2.0, 2 + signature_width - 2 - date_width)
    signature_right = date_right + date_width + 2 - signature_width
    blank_lines(document, 1)
    for text, right in ((name, signature_right), (dated, date_right)):
        if not text:
            continue
        paragraph = new_paragraph(document, WD_ALIGN_PARAGRAPH.RIGHT)
        paragraph.paragraph_format.right_indent = Pt(SIZE_BODY.pt * right)
        run(paragraph, text, BODY_FONT, SIZE_BODY)


def copy_to(document, text: str) -> None:
    """版记: 抄送机关 in 4号仿宋 between two rules, one character in (§7.4.2)."""
    blank_lines(document, 2)
    paragraph = new_paragraph(document)
    paragraph.paragraph_format.left_indent = Pt(SIZE_TABLE.pt)
    paragraph.paragraph_format.right_indent = Pt(SIZE_TABLE.pt)
    paragraph.paragraph_format.keep_together = True
    _bottom_border(paragraph, color="000000", size="8", space="4", edge="top")
    _bottom_border(paragraph, color="000000", size="8", space="4", edge="bottom")
    run(paragraph, f"抄送：{text.rstrip('。')}。", BODY_FONT, SIZE_TABLE)


def width(text: str) -> float:
    """Width in characters of the body font: Arabic numerals and Latin letters are half."""
    return sum(0.5 if ord(character) < 0x2E80 else 1.0 for character in text)


def page_numbers(document) -> None:
    """ "— 1 —" under the type area: odd pages on the right, even pages on the left, one
    character in from the edge (§7.5)."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = alignment
        indent = Pt(SIZE_PAGE_NUMBER.pt)
        if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = indent
        else:
            paragraph.paragraph_format.left_indent = indent
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        run(paragraph, "— ", PAGE_NUMBER_FONT, SIZE_PAGE_NUMBER)
        page_field(paragraph)
        run(paragraph, " —", PAGE_NUMBER_FONT, SIZE_PAGE_NUMBER)


def page_field(paragraph) -> None:
    """A PAGE field (begin / instruction / separate / shown value / end)."""
    parts = [("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)]
    for char_type, content in parts:
        added = run(paragraph, "", PAGE_NUMBER_FONT, SIZE_PAGE_NUMBER)
        if char_type:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), char_type)
        elif content.strip() == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = content
        else:
            element = OxmlElement("w:t")
            element.text = content
        added._r.append(element)


def declare_fallback_fonts(document) -> None:
    """Name each standard font in the font table with the font to use where it is not
    installed (w:altName)."""
    part = next(
        p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    root = etree.fromstring(part.blob)
    for name, fallback in FALLBACKS.items():
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        alt = etree.SubElement(font, qn("w:altName"))
        alt.set(qn("w:val"), fallback)
        charset = etree.SubElement(font, qn("w:charset"))
        charset.set(qn("w:val"), "86")  # GB2312
        family = etree.SubElement(font, qn("w:family"))
        family.set(qn("w:val"), "modern" if name == BODY_FONT else "roman")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
