"""Word's automatic list numbering is rendered into the text of a .docx.

The documents are built with python-docx; the list definitions are written into the
numbering part by hand, the way Word or WPS writes them.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import given
from hypothesis import strategies as st

from taizhang.parsing import parse_path
from taizhang.parsing.markers import chinese_number
from taizhang.parsing.readers.docx import docx_to_text
from taizhang.parsing.readers.docx_numbering import chinese_counting, format_number

# The usual outline of a Chinese plan: 一、 / （一） / 1.
PLAN_LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]


# -- building documents --------------------------------------------------------------------


def level_xml(ilvl, fmt, text, *, start=1, restart=None, style=None) -> str:
    restart_xml = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{restart_xml}{style_xml}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


def add_list(document, abstract_id, levels, *, restarts=None, styles=None) -> None:
    """An abstractNum with one w:lvl per (numFmt, lvlText), placed before the w:num elements."""
    restarts, styles = restarts or {}, styles or {}
    body = "".join(
        level_xml(i, fmt, text, restart=restarts.get(i), style=styles.get(i))
        for i, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{body}</w:abstractNum>'
    )
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)


def add_num(document, num_id, abstract_id, overrides: str = "") -> None:
    document.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        )
    )


def start_override(ilvl, start) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'


def set_num_pr(p_pr, num_id=None, ilvl=None) -> None:
    num_pr = p_pr.get_or_add_numPr()
    if ilvl is not None:
        num_pr.get_or_add_ilvl().val = ilvl
    if num_id is not None:
        num_pr.get_or_add_numId().val = num_id


def numbered(document, text, num_id, ilvl=0):
    paragraph = document.add_paragraph(text)
    set_num_pr(paragraph._p.get_or_add_pPr(), num_id, ilvl)
    return paragraph


def plan_document(restarts=None, levels=PLAN_LEVELS):
    """A document whose list 100 (abstract 100) has the plan outline's three levels."""
    document = Document()
    add_list(document, 100, levels, restarts=restarts)
    add_num(document, 100, 100)
    return document


def docx_data(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def lines_of(document) -> list[str]:
    return docx_to_text(docx_data(document), "plan.docx").split("\n")


def outline(document, items) -> None:
    """Add (level, text) items as paragraphs of list 100."""
    for ilvl, text in items:
        numbered(document, text, 100, ilvl)


# -- rendering a document --------------------------------------------------------------------


def test_three_levels_of_one_list_render_chapter_section_and_measure_labels():
    document = plan_document()
    outline(document, [(0, "总体要求"), (1, "指导思想"), (2, "学习宪法。"), (2, "宣传宪法。")])
    assert lines_of(document) == ["一、总体要求", "（一）指导思想", "1.学习宪法。", "2.宣传宪法。"]


def test_deeper_levels_restart_under_a_new_chapter_or_section():
    document = plan_document()
    items = [(0, "甲"), (1, "乙"), (2, "丙"), (2, "丁"), (1, "戊"), (2, "己"), (0, "庚"), (1, "辛")]
    outline(document, items)
    labels = [line[: -len(text)] for line, (_, text) in zip(lines_of(document), items, strict=True)]
    assert labels == ["一、", "（一）", "1.", "2.", "（二）", "1.", "二、", "（一）"]


def test_lvl_restart_zero_keeps_measures_counting_across_sections():
    document = plan_document(restarts={2: 0})
    outline(document, [(0, "甲"), (1, "乙"), (2, "丙"), (1, "丁"), (2, "戊"), (0, "己"), (2, "庚")])
    assert [line[0] for line in lines_of(document) if line[0].isdigit()] == ["1", "2", "3"]


def test_lvl_restart_one_restarts_measures_only_under_a_new_chapter():
    document = plan_document(restarts={2: 1})
    outline(document, [(0, "甲"), (2, "乙"), (1, "丙"), (2, "丁"), (0, "戊"), (2, "己")])
    assert [line[0] for line in lines_of(document) if line[0].isdigit()] == ["1", "2", "1"]


def test_a_chapter_number_past_ten_is_written_the_chinese_way():
    document = plan_document()
    outline(document, [(0, f"第{i}章标题") for i in range(1, 22)])
    lines = lines_of(document)
    assert [lines[9][:2], lines[10][:3], lines[19][:3], lines[20][:4]] == [
        "十、",
        "十一、",
        "二十、",
        "二十一、",
    ]


def test_a_level_template_can_show_the_numbers_of_shallower_levels():
    document = Document()
    add_list(document, 101, [("decimal", "%1."), ("decimal", "%1.%2")])
    add_num(document, 101, 101)
    for ilvl, text in [(0, "总则"), (1, "目的"), (1, "依据"), (0, "分则"), (1, "任务")]:
        numbered(document, text, 101, ilvl)
    assert lines_of(document) == ["1.总则", "1.1目的", "1.2依据", "2.分则", "2.1任务"]


def test_article_template_renders_di_n_tiao():
    document = Document()
    add_list(document, 102, [("chineseCountingThousand", "第%1条")])
    add_num(document, 102, 102)
    for text in ["总则。", "目的。"]:
        numbered(document, text, 102)
    assert lines_of(document) == ["第一条总则。", "第二条目的。"]


def test_a_legal_level_shows_every_number_in_decimal():
    document = Document()
    add_list(document, 107, [("chineseCounting", "%1、"), ("decimal", "%1.%2")])
    level = document.part.numbering_part.element.xpath(
        './/w:abstractNum[@w:abstractNumId="107"]/w:lvl[@w:ilvl="1"]'
    )[0]
    level.insert(0, parse_xml(f"<w:isLgl {nsdecls('w')}/>"))
    add_num(document, 107, 107)
    numbered(document, "总则", 107, 0)
    numbered(document, "目的", 107, 1)
    assert lines_of(document) == ["一、总则", "1.1目的"]


def test_a_custom_number_format_falls_back_to_the_format_word_2007_would_use():
    document = Document()
    add_list(document, 108, [("decimal", "%1.")])
    level = document.part.numbering_part.element.xpath(
        './/w:abstractNum[@w:abstractNumId="108"]/w:lvl'
    )[0]
    level.remove(level.find(f"{{{level.nsmap['w']}}}numFmt"))
    level.insert(
        1,
        parse_xml(
            '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-'
            f'compatibility/2006" {nsdecls("w")}><mc:Choice Requires="w14">'
            '<w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>'
            '<mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>'
        ),
    )
    add_num(document, 108, 108)
    numbered(document, "正文", 108)
    assert lines_of(document) == ["01.正文"]


def test_a_list_defined_by_a_numbering_style_is_followed_through_num_style_link():
    document = Document()
    add_list(document, 109, PLAN_LEVELS)
    add_num(document, 109, 109)
    document.styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="numbering" w:styleId="PlanOutline">'
            '<w:name w:val="Plan Outline"/><w:pPr><w:numPr><w:numId w:val="109"/></w:numPr>'
            "</w:pPr></w:style>"
        )
    )
    linked = (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="110">'
        '<w:numStyleLink w:val="PlanOutline"/></w:abstractNum>'
    )
    numbering = document.part.numbering_part.element
    numbering.find(f"{{{numbering.nsmap['w']}}}num").addprevious(parse_xml(linked))
    add_num(document, 110, 110)
    numbered(document, "总体要求", 110, 0)
    numbered(document, "指导思想", 110, 1)
    assert lines_of(document) == ["一、总体要求", "（一）指导思想"]


def test_numbering_is_inherited_from_the_paragraph_style_through_based_on():
    document = Document()
    add_list(document, 103, [("chineseCounting", "%1、")])
    add_num(document, 103, 103)
    base = document.styles.add_style("Plan List Base", WD_STYLE_TYPE.PARAGRAPH)
    set_num_pr(base.element.get_or_add_pPr(), num_id=103, ilvl=0)
    chapter = document.styles.add_style("Plan Chapter", WD_STYLE_TYPE.PARAGRAPH)
    chapter.base_style = base
    document.add_paragraph("指导思想", style=chapter)
    document.add_paragraph("主要任务", style=chapter)
    assert lines_of(document) == ["一、指导思想", "二、主要任务"]


def test_a_style_without_ilvl_takes_the_level_linked_to_it_by_pstyle():
    document = Document()
    add_list(document, 104, PLAN_LEVELS[:2], styles={0: "Heading1", 1: "Heading2"})
    add_num(document, 104, 104)
    for name in ("Heading 1", "Heading 2"):
        set_num_pr(document.styles[name].element.get_or_add_pPr(), num_id=104)
    document.add_paragraph("总体要求", style="Heading 1")
    document.add_paragraph("指导思想", style="Heading 2")
    document.add_paragraph("工作原则", style="Heading 2")
    assert lines_of(document) == ["一、总体要求", "（一）指导思想", "（二）工作原则"]


def test_num_id_zero_on_the_paragraph_switches_off_its_style_numbering():
    document = Document()
    add_list(document, 105, [("decimal", "%1.")])
    add_num(document, 105, 105)
    style = document.styles.add_style("Plan Measure", WD_STYLE_TYPE.PARAGRAPH)
    set_num_pr(style.element.get_or_add_pPr(), num_id=105, ilvl=0)
    document.add_paragraph("有编号", style=style)
    plain = document.add_paragraph("无编号", style=style)
    set_num_pr(plain._p.get_or_add_pPr(), num_id=0)
    assert lines_of(document) == ["1.有编号", "无编号"]


def test_start_override_restarts_a_list_that_shares_the_abstract_definition():
    document = plan_document()
    add_num(document, 200, 100, start_override(2, 5))
    outline(document, [(2, "甲"), (2, "乙")])
    numbered(document, "丙", 200, 2)
    numbered(document, "丁", 200, 2)
    assert lines_of(document) == ["1.甲", "2.乙", "5.丙", "6.丁"]


def test_lists_sharing_an_abstract_definition_continue_one_count():
    document = plan_document()
    add_num(document, 201, 100)
    outline(document, [(2, "甲")])
    numbered(document, "乙", 201, 2)
    assert lines_of(document) == ["1.甲", "2.乙"]


def test_bullets_get_no_label_and_leave_the_numbers_alone():
    document = plan_document()
    add_list(document, 106, [("bullet", "\uf06c")])
    add_num(document, 106, 106)
    outline(document, [(2, "甲")])
    numbered(document, "要点", 106)
    outline(document, [(2, "乙")])
    assert lines_of(document) == ["1.甲", "要点", "2.乙"]


def test_the_default_template_list_bullet_style_gets_no_label():
    document = Document()
    document.add_paragraph("要点", style="List Bullet")
    assert lines_of(document) == ["要点"]


def test_a_document_without_numbering_part_reads_as_bare_text():
    document = Document()
    document.add_paragraph("一段正文", style="List Number")
    numbered(document, "指向不存在的编号", 7)
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.NUMBERING:
            del part.rels[r_id]
    data = docx_data(document)
    assert "word/numbering.xml" not in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert docx_to_text(data, "plan.docx").split("\n") == ["一段正文", "指向不存在的编号"]


def test_a_numbered_paragraph_in_a_table_cell_gets_its_label():
    document = plan_document()
    cell = document.add_table(rows=1, cols=2).cell(0, 1)
    set_num_pr(cell.paragraphs[0]._p.get_or_add_pPr(), 100, 2)
    cell.paragraphs[0].add_run("加强学习")
    assert lines_of(document) == ["1.加强学习"]


@pytest.mark.parametrize(
    ("num", "ilvl"),
    [
        ('<w:num w:numId="300"><w:abstractNumId w:val="999"/></w:num>', 0),
        ('<w:num w:numId="300"/>', 0),
        ('<w:num w:numId="300"><w:abstractNumId w:val="300"/></w:num>', 5),
        ('<w:num w:numId="300"><w:abstractNumId/></w:num>', 0),
    ],
)
def test_a_list_that_cannot_be_resolved_leaves_the_bare_text(num, ilvl):
    document = Document()
    add_list(document, 300, [("decimal", "%1.")])
    document.part.numbering_part.element.append(
        parse_xml(num.replace("<w:num ", f"<w:num {nsdecls('w')} ", 1))
    )
    numbered(document, "正文", 300, ilvl)
    assert lines_of(document) == ["正文"]


def test_a_paragraph_pointing_at_no_list_keeps_its_bare_text():
    document = Document()
    numbered(document, "未定义的编号", 301)
    set_num_pr(document.add_paragraph("只有级别")._p.get_or_add_pPr(), None, 0)
    assert lines_of(document) == ["未定义的编号", "只有级别"]


def test_an_unreadable_override_is_skipped():
    document = Document()
    add_list(document, 302, [("decimal", "%1.")])
    bad = '<w:lvlOverride w:ilvl="x"><w:startOverride w:val="y"/></w:lvlOverride>'
    add_num(document, 302, 302, bad + start_override(0, "z"))
    numbered(document, "正文", 302)
    assert lines_of(document) == ["1.正文"]


def test_a_level_with_odd_values_renders_what_it_can():
    document = Document()
    odd = (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="301">'
        '<w:lvl w:ilvl="0"><w:start w:val="many"/><w:numFmt w:val="klingon"/>'
        '<w:lvlText w:val="%1)%9"/><w:lvlRestart w:val="-3"/></w:lvl>'
        '<w:lvl w:ilvl="42"><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>'
    )
    document.part.numbering_part.element.append(parse_xml(odd))
    add_num(document, 301, 301)
    numbered(document, "正文", 301)
    numbered(document, "正文", 301, 42)
    assert lines_of(document) == ["0)1正文", "正文"]


def test_cyclic_style_inheritance_does_not_hang():
    document = Document()
    first = document.styles.add_style("Loop A", WD_STYLE_TYPE.PARAGRAPH)
    second = document.styles.add_style("Loop B", WD_STYLE_TYPE.PARAGRAPH)
    second.base_style = first
    first.base_style = second
    document.add_paragraph("正文", style=first)
    assert lines_of(document) == ["正文"]


# -- number formats --------------------------------------------------------------------------


FORMAT_CASES = [
    (3, "decimal", "3"),
    (3, "decimalZero", "03"),
    (12, "decimalFullWidth", "１２"),
    (1, "chineseCounting", "一"),
    (10, "chineseCounting", "十"),
    (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"),
    (21, "chineseCountingThousand", "二十一"),
    (100, "chineseCountingThousand", "一百"),
    (105, "chineseCountingThousand", "一百零五"),
    (110, "chineseCountingThousand", "一百一十"),
    (1001, "chineseCountingThousand", "一千零一"),
    (12, "chineseLegalSimplified", "壹拾贰"),
    (3, "ideographTraditional", "丙"),
    (11, "ideographTraditional", "甲"),
    (10, "ideographDigital", "一〇"),
    (10, "japaneseCounting", "十"),
    (111, "japaneseCounting", "百十一"),
    (1, "decimalEnclosedCircle", "①"),
    (20, "decimalEnclosedCircleChinese", "⑳"),
    (21, "decimalEnclosedCircle", "㉑"),
    (51, "decimalEnclosedCircle", "51"),
    (1, "lowerLetter", "a"),
    (28, "upperLetter", "BB"),
    (14, "lowerRoman", "xiv"),
    (1999, "upperRoman", "MCMXCIX"),
    (4, "bullet", ""),
    (4, "none", ""),
    (4, "ordinalText", "4"),
]
FORMATS = sorted({fmt for _, fmt, _ in FORMAT_CASES})


@pytest.mark.parametrize(("value", "fmt", "expected"), FORMAT_CASES)
def test_format_number(value, fmt, expected):
    assert format_number(value, fmt) == expected


@given(st.integers(min_value=1, max_value=999))
def test_chinese_counting_reads_back_as_the_same_number(value):
    assert chinese_number(chinese_counting(value)) == value


@given(st.integers(min_value=-(10**12), max_value=10**12), st.sampled_from(FORMATS))
def test_format_number_never_raises(value, fmt):
    assert isinstance(format_number(value, fmt), str)


# -- end to end --------------------------------------------------------------------------------

NUMBERED_PLAN = [
    (None, "城北县普法依法治理工作实施方案（2024—2025年）"),
    (None, "为深入推进法治社会建设，结合我县实际，制定本方案。"),
    (0, "深化法治宣传教育"),
    (1, "加强宪法学习宣传"),
    (2, "组织开展宪法宣传周活动。〔牵头单位：县司法局；责任单位：县教育局〕"),
    (2, "推动领导干部学法用法。〔牵头单位：县委组织部；责任单位：县司法局、县人社局〕"),
    (1, "加强青少年法治教育"),
    (2, "配齐中小学法治副校长。〔牵头单位：县教育局；责任单位：县公安局〕"),
    (0, "推进基层依法治理"),
    (1, "深化民主法治示范创建"),
    (2, "开展民主法治示范村创建。〔牵头单位：县司法局；责任单位：县民政局〕"),
]


TRADITIONAL = str.maketrans("县单责牵头", "縣單責牽頭")
# (levels, how the paragraph text is written): the plan in three layouts.
LAYOUTS = {
    "dot": (PLAN_LEVELS, str),
    "fullwidth_paren_traditional": (
        [*PLAN_LEVELS[:2], ("decimal", "（%3）")],
        lambda text: text.translate(TRADITIONAL),
    ),
    "ascii_paren_dunhao": (
        [("chineseCountingThousand", "%1、"), ("chineseCounting", "(%2)"), ("decimal", "%3、")],
        str,
    ),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_plan_numbered_only_by_word_parses_into_its_measures(tmp_path, layout):
    levels, write = LAYOUTS[layout]
    # Sections and measures count on through the plan, as in most published plans.
    document = plan_document(restarts={1: 0, 2: 0}, levels=levels)
    for ilvl, text in NUMBERED_PLAN:
        if ilvl is None:
            document.add_paragraph(write(text))
        else:
            numbered(document, write(text), 100, ilvl)
    path = tmp_path / "plan.docx"
    path.write_bytes(docx_data(document))
    plan = parse_path(path)
    found = [(m.no, m.chapter, m.section, m.lead, m.responsible) for m in plan.tasks]
    expected = [
        (1, "一", "一", ["县司法局"], ["县教育局"]),
        (2, "一", "一", ["县委组织部"], ["县司法局", "县人社局"]),
        (3, "一", "二", ["县教育局"], ["县公安局"]),
        (4, "二", "三", ["县司法局"], ["县民政局"]),
    ]
    written = [(*m[:3], [write(u) for u in m[3]], [write(u) for u in m[4]]) for m in expected]
    assert found == written
