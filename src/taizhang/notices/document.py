"""An urging notice as a .docx in the layout of Chinese official documents (GB/T 9704-2012).

The layout itself is shared with the annual reports in taizhang.documents.official;
this module says what a notice is made of: the body, then the table of what the unit owes.
Pure python-docx: nothing here knows about Django."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from taizhang.documents import official
from taizhang.documents.official import title_lines, written_date

__all__ = ["NoticeRow", "NoticeText", "build", "title_lines", "written_date"]

TABLE_HEADER = ("序号", "任务内容", "存在问题", "逾期天数")
TABLE_WIDTHS_MM = (14, 62, 56, 24)


@dataclass(frozen=True)
class NoticeRow:
    """One thing the unit owes, as the notice's table lists it."""

    task: str  # 任务内容: "任务3：开展……"
    problem: str  # 存在问题: "2026年第三季度进展报告逾期未报送"
    days_late: int


@dataclass(frozen=True)
class NoticeText:
    """Everything the document says, already worded."""

    issuer_mark: str  # 发文机关标志: "州委依法治州办文件"
    number: str  # 发文字号: "依法治州办督〔2026〕3号"
    title: str
    addressee: str  # 主送机关, without the colon
    body: str  # paragraphs separated by line breaks
    signature: str  # 落款: the office's name
    issued_on: date
    rows: list[NoticeRow] = field(default_factory=list)
    table_caption: str = "逾期事项清单"


def build(text: NoticeText) -> bytes:
    """The .docx file of the notice."""
    blocks: list = [official.Paragraph(line) for line in official.paragraphs(text.body)]
    if text.rows:
        blocks.append(
            official.Table(
                header=TABLE_HEADER,
                rows=[
                    (str(index), row.task, row.problem, str(row.days_late))
                    for index, row in enumerate(text.rows, start=1)
                ],
                widths_mm=TABLE_WIDTHS_MM,
                caption=text.table_caption,
                centred=frozenset({0, 3}),
            )
        )
    return official.build(
        official.OfficialDocument(
            issuer_mark=text.issuer_mark,
            number=text.number,
            title=text.title,
            addressee=text.addressee,
            blocks=blocks,
            signature=text.signature,
            issued_on=text.issued_on,
        )
    )
