"""Whole plans in the formats they arrive in, built at test time (no binary blobs).

Each ``build_fNN()`` returns (file name, bytes) of a plan written for these tests (not
copied from any real plan); its gold is ``tests/parsing/formats/fNN_*.json``.

- f01 营商环境: a .docx whose measures are a Word task table (序号 | 重点任务 | 牵头单位 |
  责任单位 | 完成时限), chapter rows merged across the row, cells of several paragraphs, the
  header row repeated where the table continues on the next page.
- f02 就业: a .docx numbered by Word's automatic list numbering (numPr, three levels
  一、/（一）/1., measures restarting under each section), attribution brackets with labels
  and with role verbs, a 保障措施 chapter whose items are no measures.
- f03 农村污水: a .docx of body text (总体要求, 工作目标, 保障措施) signed and dated, then a
  附件 task table without a 牵头单位 column.
- f04 安全生产: a PDF printed 28 characters to the line (GB/T 9704), a running footer page
  number "— N —", a line that ends in ）at the margin and continues.
- f05 大气污染: a PDF of a ruled task table whose cells wrap over several lines, so that a
  text layer interleaves the cells' lines, split over two pages with its header repeated.
- f06 法治乡村: a saved news page (.html): navigation, breadcrumb, publication time with
  seconds, 来源 and 浏览次数 line, share links, 上一篇/下一篇.
- f07 文化旅游: a PDF of a preamble over a ruled task table whose chapter rows are merged
  across the table, the signature right-aligned under it.
- f08 食品安全: a news page carrying a task table saved from Word as HTML: every cell's text
  in <p>, a cell of two paragraphs, chapter rows merged by colspan, an empty 责任单位 cell.
- f09 乡村振兴: a PDF of a preamble page, then a task table printed without any rule: the
  columns are aligned text, every column's cells wrap, chapter rows across the table.
- f10 制造业降成本: a PDF of a preamble page signed and dated, then a 附件 task table with
  only a top and a bottom rule (工作内容 | 牵头单位 | 配合单位 | 完成时间).
- f11 教育: a PDF of a preamble page, then a table without rules over two pages, its header
  printed again on the second and a row broken by the page; the unit and time header cells
  wrap (牵头 over 单位), the others centred beside them half a line lower.
- f12 医疗卫生: a PDF of a preamble page, then a 三线表 (top, header and bottom rules) with
  no 序号 column over two pages, the header not printed again; rows set apart by space.
"""

from __future__ import annotations

import html
import io

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from tests.parsing.test_docx_numbering import add_list, add_num, numbered

HEADER = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"]
NEW_PAGE = None  # in a PDF grid's rows: the table goes on over the page


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document, header, rows):
    """A Word table: ``header`` (repeated on every page), then rows; a row of one string is a
    chapter row merged across the table; a cell given as a list holds several paragraphs."""
    table = document.add_table(rows=0, cols=len(header))
    table.style = document.styles["Table Grid"]
    for values in [header, *rows]:
        cells = table.add_row().cells
        if isinstance(values, str):
            merged = cells[0].merge(cells[-1])
            merged.text = values
            continue
        for cell, value in zip(cells, values, strict=True):
            paragraphs = value if isinstance(value, list) else [value]
            cell.text = paragraphs[0]
            for more in paragraphs[1:]:
                cell.add_paragraph(more)
    first = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    first.append(repeat)
    return table


# -- f01: a task table with merged chapter rows ----------------------------------------------

F01_ROWS = [
    "一、提升政务服务效能",
    [
        "1",
        [
            "推行政务服务事项“一网通办”，实现95%以上事项网上可办。",
            "年底前建成县级政务服务统一受理平台。",
        ],
        "县政务服务中心",
        "县大数据中心、各乡镇人民政府",
        "2025年12月底前",
    ],
    ["2", "压缩企业开办时间至1个工作日以内，推行开办事项全程网上办理。", "县市场监管局",
     "县公安局、县税务局", "2025年6月底前"],
    ["3", "深化工程建设项目审批制度改革，全流程审批时间控制在60个工作日以内。", "县住建局",
     "县自然资源局、县发改局", "2025年9月底前"],
    "二、优化公平竞争的市场环境",
    HEADER,  # the table continues on the next page under its header again
    ["4", "开展公平竞争审查专项抽查，清理妨碍统一市场和公平竞争的政策措施。", "县市场监管局",
     "县司法局、县直各部门", "2025年11月底前"],
    [
        "5",
        ["为300家中小企业提供融资对接服务。", "落实首贷、续贷支持政策，降低企业融资成本。"],
        "县金融服务中心",
        "县财政局、县农商银行",
        "长期坚持",
    ],
    ["6", "开展涉企违规收费专项整治，建立涉企收费目录清单。", "县发改局", "",
     "2025年10月底前"],  # a lead with no other unit: the 责任单位 cell is empty
    "三、加强法治保障",
    ["7", "推行包容审慎监管，制定不予处罚、减轻处罚事项清单。", "县司法局",
     "县直各行政执法部门", "2025年8月底前"],
    ["8", "建立企业诉求快速响应机制，企业诉求办结率达到98%以上。", "县营商办",
     "县政务服务中心、各乡镇人民政府", "2025年12月底前"],
]  # fmt: skip


def build_f01() -> tuple[str, bytes]:
    document = Document()
    document.add_paragraph("某县2025年优化营商环境重点任务分工方案")
    document.add_paragraph(
        "为持续打造市场化法治化国际化营商环境，根据《某市优化营商环境三年行动方案》，"
        "结合我县实际，制定本方案。各牵头单位要细化工作措施，每季度末将进展情况报县营商办。"
    )
    document.add_paragraph("重点任务分工表")
    _table(document, HEADER, F01_ROWS)
    document.add_paragraph("某县人民政府办公室")
    document.add_paragraph("2025年3月10日")
    return "f01_yingshang_table.docx", _save(document)


# -- f02: Word automatic numbering -----------------------------------------------------------

F02_LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]

F02_OUTLINE = [
    (0, "总体目标"),
    (None, "到2025年底，全区城镇新增就业8000人以上，城镇调查失业率控制在5.5%以下。"),
    (0, "重点任务"),
    (1, "稳定重点群体就业"),
    (2, "开展高校毕业生就业服务攻坚行动，组织专场招聘会20场以上。"
        "（牵头单位：区人社局；责任单位：区教育局、团区委）"),
    (2, "做好退役军人就业安置，落实退役军人就业创业扶持政策。"
        "（牵头单位：区退役军人事务局；责任单位：区人社局、区财政局）"),
    (2, "促进农村劳动力转移就业，新增转移就业1200人。"
        "（区农业农村局牵头，区人社局配合，各街道办事处负责落实）"),
    (1, "支持创业带动就业"),
    (2, "发放创业担保贷款1.5亿元，扶持创业2000人。"
        "（牵头单位：区人社局；责任单位：区财政局、区金融工作局）"),
    (2, "建设创业孵化基地3个，为入驻企业提供免费场地和创业指导。"
        "（牵头单位：区科技局；责任单位：区人社局、区商务局）"),
    (2, "举办创业大赛，评选扶持优秀创业项目30个。"
        "（区人社局牵头，团区委、区妇联配合）"),
    (0, "保障措施"),
    (1, "加强组织领导。区就业工作领导小组统筹推进各项任务，定期研究解决重点难点问题。"),
    (1, "强化资金保障。区财政局统筹安排就业补助资金，确保各项政策落实到位。"),
]  # fmt: skip


def build_f02() -> tuple[str, bytes]:
    document = Document()
    add_list(document, 100, F02_LEVELS)
    add_num(document, 100, 100)
    document.add_paragraph("某区2025年稳就业促创业工作实施方案")
    document.add_paragraph(
        "为深入贯彻落实《某市促进高质量充分就业实施意见》，全力稳定和扩大就业，结合我区实际，"
        "制定本方案。"
    )
    for level, text in F02_OUTLINE:
        if level is None:
            document.add_paragraph(text)
        else:
            numbered(document, text, 100, level)
    document.add_paragraph("某区人民政府办公室")
    document.add_paragraph("2025年3月20日")
    return "f02_jiuye_numbering.docx", _save(document)


# -- f03: body text, then a 附件 task table ---------------------------------------------------

F03_BODY = [
    "某县2025年农村生活污水治理工作方案",
    "为改善农村人居环境，加快补齐农村生活污水治理短板，根据《某市农村生活污水治理三年"
    "行动计划》，制定本方案。",
    "一、总体要求",
    "坚持因地制宜、分类施策，坚持建管并重、长效运行，统筹推进农村生活污水治理与改厕、"
    "黑臭水体整治有机衔接。",
    "二、工作目标",
    "到2025年底，全县农村生活污水治理率达到45%以上，新增完成治理的行政村30个。",
    "三、保障措施",
    "（一）加强组织领导。各乡镇要落实属地责任，明确专人负责，确保各项任务按时完成。",
    "（二）强化资金保障。县财政局要统筹整合涉农资金，保障治理设施建设和运行维护。",
    "（三）严格督导考核。县生态环境分局要定期通报工作进展，将治理成效纳入年度考核。",
    "附件：农村生活污水治理重点任务分工表",
    "某县人民政府办公室",
    "2025年4月2日",
    "附件",
    "农村生活污水治理重点任务分工表",
]

F03_HEADER = ["序号", "任务内容", "责任单位", "完成时限"]

F03_ROWS = [
    ["1", "编制农村生活污水治理专项规划，明确各行政村治理模式。", "县生态环境分局、县自然资源局",
     "2025年5月底前"],
    ["2", ["完成30个行政村生活污水治理。", "优先治理水源保护区和黑臭水体周边村庄。"],
     "县生态环境分局、各乡镇人民政府", "2025年12月底前"],
    ["3", "推进农村改厕与污水治理衔接，新建改建卫生厕所2000户。", "县农业农村局、各乡镇人民政府",
     "2025年11月底前"],
    ["4", "建立治理设施运行维护机制，设施正常运行率达到90%以上。", "", "长期坚持"],
    # no unit named yet: the 责任单位 cell is empty
    ["5", "开展农村黑臭水体排查整治，完成整治水体8处。", "县生态环境分局、县水务局",
     "2025年10月底前"],
]  # fmt: skip


def build_f03() -> tuple[str, bytes]:
    document = Document()
    for line in F03_BODY:
        document.add_paragraph(line)
    _table(document, F03_HEADER, F03_ROWS)
    return "f03_wushui_attachment.docx", _save(document)


# -- f04: a PDF printed 28 characters to the line ---------------------------------------------

F04_TEXT = """某县2025年安全生产重点工作实施方案
为深入贯彻落实《某市安全生产治本攻坚三年行动方案》，有效防范化解重大安全风险，坚决遏制重特大事故发生，结合我县实际，制定本方案。
一、工作目标
到2025年底，全县生产安全事故起数和死亡人数实现“双下降”，不发生较大以上生产安全事故。
二、重点任务
（一）开展重大事故隐患专项排查整治。聚焦矿山、危险化学品、建筑施工、交通运输等重点行业领域，全面排查重大事故隐患，建立隐患清单和整改责任清单，整改率达到100%。（牵头单位：县应急管理局；责任单位：县住建局、县交通运输局、各乡镇人民政府）
（二）加强城镇燃气安全管理。完成老旧燃气管道更新改造15公里，推动餐饮等经营场所安装燃气泄漏报警装置3000户。（牵头单位：县住建局；责任单位：县市场监管局、县消防救援大队）
（三）提升企业本质安全水平。推动规模以上工业企业开展安全生产标准化建设，创建标准化达标企业40家，推进高危岗位机械化、自动化改造。（牵头单位：县工信局；责任单位：县应急管理局）
（四）强化道路交通安全治理。整治农村公路临水临崖等危险路段50处，开展货车超限超载、酒驾醉驾等违法行为专项整治。（牵头单位：县公安局；责任单位：县交通运输局、县农业农村局）
（五）开展安全生产宣传培训。组织企业主要负责人和安全管理人员培训1500人次，开展“安全生产月”“安全宣传进企业”等活动。（牵头单位：县应急管理局；责任单位：县委宣传部、县总工会）
三、保障措施
（一）压实安全生产责任。各乡镇、各部门要严格落实“党政同责、一岗双责”，主要负责人亲自部署、亲自督导。
（二）严格督查考核。县安委会办公室要加强督导检查，对工作不力、问题突出的地方和单位予以通报。
某县安全生产委员会办公室
2025年2月26日"""


NO_LINE_START = "，。、；：？！）》”’"  # Chinese line-breaking rules (禁则)
NO_LINE_END = "（《“‘"


def _cjk_wrapped(text: str, measure: float, width_of) -> list[str]:
    """Lines as a 公文 prints them: each paragraph indented by two full-width spaces, broken
    where the next character would pass the right margin (half-width digits take half a
    place), never before closing punctuation nor after an opening bracket."""
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for char in "\u3000\u3000" + paragraph:
            if line and width_of(line + char) > measure:
                cut = len(line)
                while cut > 1 and (char if cut == len(line) else line[cut]) in NO_LINE_START:
                    cut -= 1
                while cut > 1 and line[cut - 1] in NO_LINE_END:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
            line += char
        lines.append(line)
    return lines


def build_f04() -> tuple[str, bytes]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    size, left, top, per_page = 16, 70, A4[1] - 90, 22
    lines = _cjk_wrapped(
        F04_TEXT, 28 * size, lambda line: pdfmetrics.stringWidth(line, "STSong-Light", size)
    )
    for start in range(0, len(lines), per_page):
        page.setFont("STSong-Light", size)
        for row, line in enumerate(lines[start : start + per_page]):
            page.drawString(left, top - row * 28, line)
        page.setFont("STSong-Light", 12)
        page.drawCentredString(A4[0] / 2, 50, f"— {start // per_page + 1} —")
        page.showPage()
    page.save()
    return "f04_anquan_printed.pdf", buffer.getvalue()


# -- f05: a PDF of a ruled task table ---------------------------------------------------------

F05_TITLE = "某市2025年大气污染防治重点任务分工表"
F05_ROWS = [
    ["1", "完成燃煤锅炉淘汰改造20台，城市建成区基本淘汰每小时35蒸吨以下燃煤锅炉。", "市生态环境局",
     "市发展改革委、市市场监管局", "2025年10月底前"],
    ["2", "推进钢铁、水泥行业超低排放改造，完成改造企业6家。", "市生态环境局", "市工信局",
     "2025年12月底前"],
    ["3", "淘汰国三及以下排放标准营运柴油货车800辆。", "市交通运输局", "市公安局、市生态环境局",
     "2025年11月底前"],
    ["4", "开展扬尘污染专项整治，建筑工地做到“六个百分之百”。", "市住建局",
     "市城管局、各区县人民政府", "长期坚持"],
    NEW_PAGE,
    ["5", "加强秸秆综合利用，秸秆综合利用率达到92%以上。", "市农业农村局", "各区县人民政府",
     "2025年12月底前"],
    ["6", "推进挥发性有机物综合治理，完成重点企业治理提升30家。", "市生态环境局",
     "市工信局、市应急管理局", "2025年9月底前"],
]  # fmt: skip
F05_WIDTHS = [30, 200, 80, 110, 75]
F05_CHARS = [2, 12, 5, 7, 5]  # characters a cell line holds


def _grid_pdf(title, body, rows, signature, widths, chars) -> bytes:
    """A PDF: a title, body paragraphs, a ruled table (HEADER, then ``rows``; a row of one
    string is merged across the table; NEW_PAGE breaks the page and repeats the header), a
    signature at the right, a page number "— N —" under each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    size, leading, left = 11, 15, 50
    page.setFont("STSong-Light", 16)
    page.drawCentredString(A4[0] / 2, A4[1] - 70, title)
    y = A4[1] - 100
    page.setFont("STSong-Light", 12)
    measure = sum(widths)
    for line in _cjk_wrapped(
        "\n".join(body), measure, lambda text: pdfmetrics.stringWidth(text, "STSong-Light", 12)
    ):
        page.drawString(left, y, line)
        y -= 20
    xs = [left]
    for width in widths:
        xs.append(xs[-1] + width)
    number = 1
    for values in [HEADER, *rows]:
        if values is NEW_PAGE:  # the table goes on over the page, under its header again
            page.setFont("STSong-Light", 12)
            page.drawCentredString(A4[0] / 2, 50, f"— {number} —")
            page.showPage()
            number, y, values = number + 1, A4[1] - 70, HEADER
        if isinstance(values, str):
            cells, columns = [[values]], xs[:1]
        else:
            columns = xs
            cells = [
                [value[i : i + count] for i in range(0, len(value), count)]
                for value, count in zip(values, chars, strict=True)
            ]
        height = max(map(len, cells)) * leading + 8
        page.setFont("STSong-Light", size)
        for x, cell in zip(columns, cells, strict=False):
            for row, line in enumerate(cell):
                page.drawString(x + 3, y - 4 - size - row * leading, line)
        page.line(xs[0], y, xs[-1], y)
        for x in (xs[0], xs[-1]) if isinstance(values, str) else xs:
            page.line(x, y, x, y - height)
        y -= height
        page.line(xs[0], y, xs[-1], y)
    page.setFont("STSong-Light", 12)
    page.drawRightString(xs[-1] - 24, y - 40, signature[0])
    page.drawRightString(xs[-1] - 36, y - 60, signature[1])
    page.drawCentredString(A4[0] / 2, 50, f"— {number} —")
    page.showPage()
    page.save()
    return buffer.getvalue()


def build_f05() -> tuple[str, bytes]:
    data = _grid_pdf(
        F05_TITLE,
        [],
        F05_ROWS,
        ("某市生态环境保护委员会办公室", "2025年3月5日"),
        F05_WIDTHS,
        F05_CHARS,
    )
    return "f05_daqi_table.pdf", data


# -- f07: a PDF of body text over a ruled table with merged chapter rows ----------------------

F07_BODY = [
    "为加快推进文化和旅游深度融合，根据《某市文化旅游融合发展三年行动计划》，结合我区实际，"
    "制定本分工方案。各牵头单位要会同责任单位细化措施，确保各项任务落到实处。",
]
F07_ROWS = [
    "一、丰富文旅产品供给",
    ["1", "打造精品旅游线路6条，推出研学旅游产品10个。", "区文化旅游局", "区教育局、区农业农村局",
     "2025年9月底前"],
    ["2", "推进老街历史文化街区改造提升，完成沿街立面整治800米。", "区住建局", "区文化旅游局",
     "2025年11月底前"],
    "二、提升文旅服务质量",
    ["3", "新建改建旅游厕所25座，完善景区无障碍设施。", "区文化旅游局", "区城管局、各街道办事处",
     "2025年10月底前"],
    ["4", "开展旅游市场秩序专项整治，依法查处违法违规经营行为。", "区市场监管局",
     "区文化旅游局、区公安分局", "长期坚持"],
]  # fmt: skip


def build_f07() -> tuple[str, bytes]:
    data = _grid_pdf(
        "某区2025年文化旅游融合发展重点任务分工方案",
        F07_BODY,
        F07_ROWS,
        ("某区人民政府办公室", "2025年4月8日"),
        F05_WIDTHS,
        F05_CHARS,
    )
    return "f07_wenlv_grid.pdf", data


# -- f06: a saved news page -------------------------------------------------------------------

F06_ARTICLE = [
    "某镇2025年法治乡村建设工作要点",
    "为深入推进法治乡村建设，根据《某县法治乡村建设实施方案（2023—2025年）》，现提出2025年"
    "工作要点如下。",
    "一、加强法治宣传教育",
    "1.深入开展“八五”普法，组织“法律明白人”培训4期，每个村培养“法律明白人”3名以上。"
    "（责任单位：镇司法所、镇党政办）",
    "2.推进民法典进农村，开展以案释法活动20场。（责任单位：镇司法所、各村民委员会）",
    "二、推进基层依法治理",
    "3.指导各村修订完善村规民约，实现村规民约合法性审查全覆盖。（牵头单位：镇党政办；"
    "责任单位：镇司法所）",
    "4.健全矛盾纠纷多元化解机制，矛盾纠纷调解成功率达到95%以上。（牵头单位：镇综治中心；"
    "责任单位：镇派出所、镇司法所）",
    "5.开展“民主法治示范村”创建，新创建县级以上示范村2个。（牵头单位：镇司法所；"
    "责任单位：各村民委员会）",
    "三、提升公共法律服务水平",
    "6.完善村级公共法律服务工作室，实现村（居）法律顾问全覆盖。（责任单位：镇司法所）",
    "7.为困难群众提供法律援助100件以上。（责任单位：镇司法所、镇社会事务办）",
    "某镇全面依法治镇委员会办公室",
    "2025年3月12日",
]


def build_f06() -> tuple[str, bytes]:
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in F06_ARTICLE)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>某镇2025年法治乡村建设工作要点_某镇人民政府</title>
<script>var _hmt = [];</script></head>
<body>
<div class="top-bar"><a href="/">网站首页</a> | <a href="/wza">无障碍</a>
 | <a href="/en">English</a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li></ul>
<div class="position">您当前的位置：<a href="/">首页</a> &gt;
<a href="/zwgk">政务公开</a> &gt; 通知公告</div>
<div class="article">
<h1 class="article-title">某镇2025年法治乡村建设工作要点</h1>
<div class="article-info">发布时间：2025-03-14 09:31:27 来源：某镇司法所 浏览次数：268</div>
<div class="article-body" id="zoom">
{paragraphs}
</div>
<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>
<div class="prev-next"><p>上一篇：某镇召开2025年春季森林防火工作会议</p>
<p>下一篇：某镇开展“三八”妇女维权周宣传活动</p></div>
</div>
<div class="footer">主办单位：某镇人民政府 版权所有 备案号：某ICP备12345678号</div>
</body></html>"""
    return "f06_fazhi_news.html", page.encode("utf-8")


# -- f08: a news page carrying a task table saved from Word ----------------------------------

F08_ROWS = [
    "一、强化源头防控",
    ["1", ["建立农产品产地准出制度。", "全年开展农药残留快速检测5000批次以上。"], "县农业农村局",
     "县市场监管局", "2025年12月底前"],
    ["2", "开展校园及周边食品安全专项整治，检查学校食堂120家。", "县教育局", "",
     "2025年9月底前"],  # the 责任单位 cell is empty
    "二、加强过程监管",
    ["3", "推进“明厨亮灶”建设，餐饮单位覆盖率达到85%以上。", "县市场监管局",
     "各乡镇人民政府", "2025年11月底前"],
    ["4", "严厉打击食品安全违法犯罪行为，查办案件30起以上。", "县公安局",
     "县市场监管局、县农业农村局", "长期坚持"],
]  # fmt: skip


def _word_paragraphs(value) -> str:
    paragraphs = value if isinstance(value, list) else [value]
    return "".join(
        f'<p class="MsoNormal"><span style="font-family:仿宋">{html.escape(text)}</span></p>'
        for text in paragraphs
        if text
    )


def build_f08() -> tuple[str, bytes]:
    rows = []
    cell = '<td valign="top" style="border:solid windowtext 1.0pt"{span}>{inner}</td>'
    for values in [HEADER, *F08_ROWS]:
        if isinstance(values, str):
            cells = cell.format(span=' colspan="5"', inner=_word_paragraphs(values))
        else:
            cells = "".join(cell.format(span="", inner=_word_paragraphs(v)) for v in values)
        rows.append(f"<tr>\n{cells}\n</tr>")
    body = "\n".join(rows)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>某县2025年食品安全重点工作任务分工</title></head>
<body>
<div class="header"><a href="/">网站首页</a> <a href="/zwgk">政务公开</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 计划总结</div>
<div class="content" id="zoom">
<p align="center">某县2025年食品安全重点工作任务分工</p>
<p>为全面落实食品安全“四个最严”要求，根据《某市2025年食品安全重点工作安排》，现将我县重点
任务分工如下。</p>
<table border="1" cellspacing="0" class="MsoTableGrid">
{body}
</table>
<p align="right">某县食品安全委员会办公室</p>
<p align="right">2025年3月18日</p>
</div>
<div class="share">分享到：微信 微博</div>
<div class="footer">版权所有：某县人民政府</div>
</body></html>"""
    return "f08_shipin_wordtable.html", page.encode("utf-8")


# -- f09–f12: PDF task tables printed without ruling lines ----------------------------------

_COLUMN_FONT = "STSong-Light"


def _cell_lines(text: str, measure: float, width_of, hang: float) -> list[str]:
    """A cell's text broken where the next character would pass the column's width, never
    before closing punctuation: that hangs into the cell's padding (``hang``) or takes the
    character before it onto the next line (as Word breaks a cell's lines)."""
    lines, line = [], ""
    for char in text:
        if line and width_of(line + char) > measure:
            if char not in NO_LINE_START:
                lines.append(line)
                line = ""
            elif width_of(line + char) > measure + hang:
                lines.append(line[:-1])
                line = line[-1]
        line += char
    return [*lines, line] if line else lines


def _columns_pdf(spec: dict) -> bytes:
    """A PDF: a first page of plain text (title, preamble, perhaps a signature), then a task
    table on the next page whose columns are only aligned text: the header's cells centred
    over their columns, each cell's lines at the left of its column, chapter rows (one
    string) from the table's left edge (a header cell given as a list wraps over lines, the
    others centred down the header row); ``rules`` draws "top" / "header" / "bottom" rules
    across the table and nothing else; a row that does not fit the page breaks over it,
    under the header printed again when ``repeat_header``; page numbers "— N —".

    spec: title, preamble (paragraphs), first_signature (or None), caption (lines over the
    table), header, widths, rows, rules, repeat_header, signature, page_bottom, footer (a
    running foot on every page, or None)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(_COLUMN_FONT))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    left, size, leading, pad, row_gap = 56, 10.5, 14, 5.4, spec.get("row_gap", 7)
    widths = spec["widths"]
    xs = [left]
    for width in widths:
        xs.append(xs[-1] + width)
    measure = sum(widths)
    number = [1]

    def width_of(text, font_size=size):
        return pdfmetrics.stringWidth(text, _COLUMN_FONT, font_size)

    def end_page():
        page.setFont(_COLUMN_FONT, 12)
        if spec.get("footer"):  # a running foot over the page number
            page.drawCentredString(A4[0] / 2, 72, spec["footer"])
        page.drawCentredString(A4[0] / 2, 50, f"— {number[0]} —")
        page.showPage()
        number[0] += 1

    # the preamble page
    page.setFont(_COLUMN_FONT, 16)
    page.drawCentredString(A4[0] / 2, A4[1] - 80, spec["title"])
    y = A4[1] - 120
    page.setFont(_COLUMN_FONT, 14)
    for line in _cjk_wrapped("\n".join(spec["preamble"]), measure, lambda t: width_of(t, 14)):
        page.drawString(left, y, line)
        y -= 24
    if spec.get("first_signature"):
        y -= 30
        for line in spec["first_signature"]:
            page.drawRightString(xs[-1] - 30, y, line)
            y -= 24
    end_page()

    # the table
    y = A4[1] - 70
    page.setFont(_COLUMN_FONT, 14)
    for line in spec.get("caption", []):
        page.drawCentredString(A4[0] / 2, y, line)
        y -= 26
    y -= 6

    def rule(at):
        if at:
            page.line(xs[0], at, xs[-1], at)

    def header():
        nonlocal y
        if "top" in spec["rules"]:
            rule(y + 4)
        page.setFont(_COLUMN_FONT, size)
        names = [name if isinstance(name, list) else [name] for name in spec["header"]]
        height = max(map(len, names))
        for x0, x1, cell in zip(xs, xs[1:], names, strict=False):
            lower = (height - len(cell)) * leading / 2  # centred down the header row
            for row, name in enumerate(cell):
                page.drawCentredString((x0 + x1) / 2, y - size - lower - row * leading, name)
        y -= height * leading + 4
        if "header" in spec["rules"]:
            rule(y + 2)
        y -= row_gap

    header()
    page.setFont(_COLUMN_FONT, size)
    for values in spec["rows"]:
        if isinstance(values, str):  # a chapter row across the table
            page.drawString(xs[0] + pad, y - size, values)
            y -= leading + row_gap
            continue
        cells = [
            _cell_lines(value, width - 2 * pad, width_of, pad - 1)
            for value, width in zip(values, widths, strict=True)
        ]
        for row in range(max(map(len, cells))):
            if y - size < spec["page_bottom"]:  # the row goes on over the page
                if "bottom" in spec["rules"]:
                    rule(y + leading - size - 2)
                end_page()
                y = A4[1] - 70
                if spec["repeat_header"]:
                    header()
                elif "top" in spec["rules"]:
                    rule(y + 4)
                page.setFont(_COLUMN_FONT, size)
            for x, cell in zip(xs, cells, strict=False):
                if row < len(cell):
                    page.drawString(x + pad, y - size, cell[row])
            y -= leading
        y -= row_gap
    if "bottom" in spec["rules"]:
        rule(y + row_gap + leading - size - 2)
    y -= 40
    page.setFont(_COLUMN_FONT, 14)
    for line in spec.get("signature", []):
        page.drawRightString(xs[-1] - 30, y, line)
        y -= 24
    end_page()
    page.save()
    return buffer.getvalue()


F09_PREAMBLE = [
    "为全面推进乡村振兴，加快农业农村现代化，根据《某市乡村振兴战略实施规划（2023—2027年）》，"
    "结合我县实际，制定本分工方案。",
    "各牵头单位要会同责任单位细化工作措施，明确进度安排，每季度末将工作进展情况报县委农办。"
    "县委农办要加强统筹协调，定期调度通报，确保各项任务按时完成。",
]
F09_ROWS = [
    "一、推进产业振兴",
    ["1", "新建高标准农田2.5万亩，完成农田水利设施配套改造，提升耕地质量等级。", "县农业农村局",
     "县财政局、县自然资源局、县水利局", "2025年10月底前"],
    ["2", "培育县级以上农业产业化龙头企业5家，发展农民合作社示范社20家。", "县农业农村局",
     "县市场监管局、各乡镇人民政府", "2025年12月底前"],
    ["3", "建设农产品冷链物流集散中心1个，完善县乡村三级物流配送体系。", "县商务局",
     "县交通运输局、县供销合作社", "2025年11月底前"],
    "二、推进人才振兴",
    ["4", "开展高素质农民培训1200人次，培育农村实用人才带头人100名。", "县农业农村局",
     "县人社局、县教育局", "2025年9月底前"],
    ["5", "选派科技特派员60名，实现科技服务行政村全覆盖。", "县科技局",
     "县农业农村局、各乡镇人民政府", "长期坚持"],
]  # fmt: skip


def build_f09() -> tuple[str, bytes]:
    data = _columns_pdf(
        {
            "title": "某县2025年乡村振兴重点任务分工方案",
            "preamble": F09_PREAMBLE,
            "caption": ["重点任务分工表"],
            "header": HEADER,
            "widths": [34, 196, 74, 104, 66],
            "rows": F09_ROWS,
            "rules": (),
            "repeat_header": True,
            "page_bottom": 80,
            "signature": ["某县人民政府办公室", "2025年3月28日"],
        }
    )
    return "f09_xiangcun_columns.pdf", data


F10_PREAMBLE = [
    "各乡镇人民政府，县直各有关部门：",
    "为切实减轻企业负担，推动制造业高质量发展，根据《某省降低制造业企业成本若干措施》，"
    "现将我县制造业降成本重点工作任务分工印发给你们，请结合实际认真贯彻落实。",
]
F10_HEADER = ["序号", "工作内容", "牵头单位", "配合单位", "完成时间"]
F10_ROWS = [
    ["1", "落实制造业企业增值税留抵退税政策，全年为企业减负3000万元以上。", "县税务局",
     "县财政局、县工信局", "2025年12月底前"],
    ["2", "降低企业用电成本，推动工业企业参与电力市场化交易，交易电量达到8亿千瓦时。",
     "县发展改革局", "县工信局、国网某县供电公司", "2025年11月底前"],
    ["3", "开展涉企收费专项清理，取消不合理收费项目，建立收费目录清单。", "县市场监管局",
     "县发展改革局、县财政局", "2025年8月底前"],
    ["4", "推广应急转贷资金，为中小微制造企业提供转贷服务2亿元。", "县金融服务中心",
     "县财政局、县工信局、各商业银行", "长期坚持"],
]  # fmt: skip


def build_f10() -> tuple[str, bytes]:
    data = _columns_pdf(
        {
            "title": "某县关于印发制造业降成本重点工作任务分工的通知",
            "preamble": F10_PREAMBLE,
            "first_signature": ["某县人民政府办公室", "2025年5月6日"],
            "caption": ["附件", "某县制造业降成本重点工作任务分工"],
            "header": F10_HEADER,
            "widths": [34, 196, 74, 104, 66],
            "rows": F10_ROWS,
            "rules": ("top", "bottom"),
            "repeat_header": True,
            "page_bottom": 80,
        }
    )
    return "f10_zhizao_rules.pdf", data


F11_PREAMBLE = [
    "为推动义务教育优质均衡发展，办好人民满意的教育，根据《某市基础教育扩优提质行动计划》，"
    "结合我区实际，制定本方案。",
    "各责任单位要把任务落实情况纳入年度工作考核，区教育局每半年通报一次工作进展。",
]
F11_HEADER = ["序号", "任务内容", ["牵头", "单位"], ["责任", "单位"], ["完成", "时限"]]
F11_ROWS = [
    ["1", "新建、改扩建中小学校4所，新增学位3600个，有效缓解城区学校大班额问题。", "区教育局",
     "区发展改革局、区自然资源局、区住建局", "2025年8月底前"],
    ["2", "推进集团化办学，组建教育集团6个，实现城区优质学校对农村学校帮扶全覆盖。",
     "区教育局", "各街道办事处、各镇人民政府", "2025年9月底前"],
    ["3", "开展中小学教师全员培训，培训教师2000人次，引进优秀教师和紧缺学科教师50名。",
     "区教育局", "区人社局、区委编办", "2025年12月底前"],
    ["4", "实施校园安全提升工程，学校专职保安员配备率和一键式紧急报警装置安装率均达到100%。",
     "区公安分局", "区教育局、区应急管理局", "2025年6月底前"],
    ["5", "完善学生资助体系，资助家庭经济困难学生3000人次，确保应助尽助。", "区教育局",
     "区财政局、区民政局、区乡村振兴局", "长期坚持"],
    ["6", "推进课后服务提质，实现义务教育学校课后服务全覆盖，学生参与率达到90%以上。",
     "区教育局", "区科协、区文化旅游局", "2025年10月底前"],
    ["7", "加强学校食堂食品安全监管，实现学校食堂明厨亮灶全覆盖。", "区市场监管局",
     "区教育局、区卫生健康局", "2025年11月底前"],
]  # fmt: skip


def build_f11() -> tuple[str, bytes]:
    data = _columns_pdf(
        {
            "title": "某区2025年义务教育优质均衡发展工作方案",
            "preamble": F11_PREAMBLE,
            "caption": ["重点任务分工"],
            "header": F11_HEADER,
            "widths": [34, 196, 74, 104, 66],
            "rows": F11_ROWS,
            "rules": (),
            "repeat_header": True,
            "page_bottom": 506,  # the page ends inside row 4
            "signature": ["某区人民政府办公室", "2025年2月18日"],
        }
    )
    return "f11_jiaoyu_pages.pdf", data


F12_PREAMBLE = [
    "为深化医药卫生体制改革，提升基层医疗卫生服务能力，根据《某市深化医药卫生体制改革"
    "2025年重点工作任务》，结合我市实际，制定本任务清单。",
    "各牵头部门要明确责任人和时间表，每季度第一个月10日前将上季度工作进展报市医改办。",
]
F12_HEADER = ["工作任务", "牵头部门", "责任部门", "时间节点"]
F12_ROWS = [
    ["推进紧密型县域医疗卫生共同体建设，县域内就诊率达到90%以上。", "市卫生健康委",
     "市医保局、市财政局、各县（市、区）人民政府", "2025年12月底前"],
    ["建设基层医疗卫生机构标准化发热诊室20个，完善基层急救站点布局。", "市卫生健康委",
     "市发展改革委、市财政局", "2025年10月底前"],
    ["扩大家庭医生签约服务覆盖面，重点人群签约服务覆盖率达到80%以上。", "市卫生健康委",
     "市医保局、市民政局", "2025年11月底前"],
    ["推进医保支付方式改革，实现按病种分值付费定点医疗机构全覆盖。", "市医保局",
     "市卫生健康委、市财政局", "2025年9月底前"],
    ["加强公立医院绩效考核，完成二级以上公立医院考核12家。", "市卫生健康委",
     "市财政局、市人社局、市医保局", "2025年8月底前"],
    ["开展医疗机构药品耗材集中带量采购，采购品种达到400个以上。", "市医保局",
     "市卫生健康委、市市场监管局", "长期坚持"],
]  # fmt: skip


def build_f12() -> tuple[str, bytes]:
    data = _columns_pdf(
        {
            "title": "某市2025年深化医药卫生体制改革重点任务清单",
            "preamble": F12_PREAMBLE,
            "caption": ["重点任务分工"],
            "header": F12_HEADER,
            "widths": [210, 80, 110, 70],
            "rows": F12_ROWS,
            "rules": ("top", "header", "bottom"),
            "repeat_header": False,
            "page_bottom": 525,  # the page ends inside the fifth row's task
            "row_gap": 10,
            "signature": ["某市深化医药卫生体制改革领导小组办公室", "2025年3月3日"],
        }
    )
    return "f12_yiliao_noheader.pdf", data


BUILDERS = {
    "f01_yingshang_table": build_f01,
    "f02_jiuye_numbering": build_f02,
    "f03_wushui_attachment": build_f03,
    "f04_anquan_printed": build_f04,
    "f05_daqi_table": build_f05,
    "f06_fazhi_news": build_f06,
    "f07_wenlv_grid": build_f07,
    "f08_shipin_wordtable": build_f08,
    "f09_xiangcun_columns": build_f09,
    "f10_zhizao_rules": build_f10,
    "f11_jiaoyu_pages": build_f11,
    "f12_yiliao_noheader": build_f12,
}
