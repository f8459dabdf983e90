"""Reading plan files: formats, encodings, page furniture, and clear refusals."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from taizhang.parsing.errors import InputError
from taizhang.parsing.reading import MAX_BYTES, SourceText, read_bytes, read_path

PLAN = (
    "一、总体要求\n"
    "1.加强宪法学习。〔牵头单位：市司法局；责任单位：市委宣传部〕\n"
    "2.每年开展普法活动。\n"
)
TRADITIONAL = "一、總體要求\n1.加強憲法學習。（牽頭單位：縣司法局；責任單位：縣委宣傳部）\n"


def assert_one_sentence(error: pytest.ExceptionInfo) -> None:
    message = str(error.value)
    assert "\n" not in message
    assert message.endswith(".")
    assert message.count("; ") <= 1


# -- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("gb18030", b""),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gb18030", "utf16le", "utf16be"],
)
def test_text_is_decoded_whatever_the_encoding(encoding, prefix):
    source = read_bytes(prefix + PLAN.encode(encoding), "plan.txt")
    assert source.text == PLAN
    assert source.format == "txt"


def test_gb18030_is_reported_as_the_encoding():
    assert read_bytes(PLAN.encode("gb18030"), "plan.txt").encoding == "gb18030"


def test_big5_traditional_text_is_not_mistaken_for_gb18030():
    assert read_bytes(TRADITIONAL.encode("big5"), "plan.txt").text == TRADITIONAL


def test_windows_line_ends_become_newlines():
    text = read_bytes(PLAN.replace("\n", "\r\n").encode("utf-8"), "plan.txt").text
    assert text == PLAN


def test_mixed_encodings_are_read_line_by_line():
    data = "一、总体要求\n".encode() + "1.加强宪法学习。\n".encode("gb18030")
    source = read_bytes(data, "plan.txt")
    assert source.text == "一、总体要求\n1.加强宪法学习。\n"


def test_a_stray_undecodable_byte_does_not_stop_reading():
    data = (PLAN * 10).encode("utf-8").replace("总体".encode(), b"\xff\xfe\xfa", 1)
    assert read_bytes(data, "plan.txt").text.count("1.加强宪法学习") == 10


# -- formats -----------------------------------------------------------------------------


def test_a_txt_file_that_holds_a_web_page_is_read_as_html(build):
    source = read_bytes(build.html_page(PLAN), "plan.txt")
    assert source.format == "html"
    assert "1.加强宪法学习。" in source.text
    assert "<p>" not in source.text


def test_html_keeps_the_article_and_drops_page_furniture(build):
    text = read_bytes(build.html_page(PLAN), "page.html").text
    assert [line for line in text.split("\n") if "要求" in line or "." in line][-3:] == [
        line for line in PLAN.split("\n") if line
    ]
    for noise in ("网站首页", "当前位置", "分享到", "扫一扫", "打印本页", "版权所有", "tracker"):
        assert noise not in text


def test_html_keeps_the_document_information_table(build):
    text = read_bytes(build.html_page(PLAN), "page.html").text
    assert "成文日期 | 2024-03-15" in text


def test_html_declared_gb2312_is_decoded_with_gb18030():
    page = f'<html><head><meta charset="gb2312"></head><body><p>{PLAN}</p></body></html>'
    data = page.replace("宪法", "宪法𠀀").encode("gb18030")  # 𠀀 is outside GB2312 and GBK
    assert "1.加强宪法𠀀学习" in read_bytes(data, "page.html").text


def test_html_misdeclared_as_utf8_is_still_decoded():
    page = f'<html><head><meta charset="utf-8"></head><body><p>{PLAN}</p></body></html>'
    assert "1.加强宪法学习" in read_bytes(page.encode("gbk"), "page.html").text


def test_html_table_rows_become_lines_with_cells_joined():
    page = "<html><body><table><tr><td>1</td><td>加强宪法学习</td><td>市司法局</td></tr></table>"
    assert read_bytes(page.encode(), "t.html").text == "1 | 加强宪法学习 | 市司法局"


def test_html_block_elements_break_lines_and_inline_elements_do_not():
    page = "<html><body><div>一、总体<b>要求</b></div><p>1.加强<br>学习</p></body></html>"
    assert read_bytes(page.encode(), "t.html").text == "一、总体要求\n1.加强\n学习"


def test_docx_reads_paragraphs_and_tables_in_body_order(build):
    data = build.docx_bytes("标题\n正文", table_rows=[["序号", "任务"], ["1", "加强学习"]])
    source = read_bytes(data, "plan.docx")
    assert source.format == "docx"
    assert source.text == "标题\n序号 | 任务\n1 | 加强学习\n正文"


def test_docx_is_recognised_by_content_whatever_its_name(build):
    assert read_bytes(build.docx_bytes(PLAN.strip()), "download.bin").format == "docx"


def test_pdf_text_layer_is_read_without_page_numbers(build):
    source = read_bytes(build.pdf_bytes(PLAN), "plan.pdf")
    assert source.format == "pdf"
    assert source.text.split("\n") == [line for line in PLAN.split("\n") if line]


def test_pdf_paragraph_wrapped_across_lines_is_joined(build):
    long_line = "1." + "加强宪法学习宣传教育" * 12 + "。"
    assert read_bytes(build.pdf_bytes(long_line), "plan.pdf").text == long_line


# -- refusals ----------------------------------------------------------------------------


def test_pdf_without_text_layer_is_refused(build):
    with pytest.raises(InputError, match="no text layer") as error:
        read_bytes(build.blank_pdf_bytes(), "scan.pdf")
    assert_one_sentence(error)


def test_docx_that_is_not_a_zip_is_refused():
    with pytest.raises(InputError, match="not a ZIP archive") as error:
        read_bytes(b"this is not a word document", "plan.docx")
    assert_one_sentence(error)


def test_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("plan.txt", PLAN)
    with pytest.raises(InputError, match="ZIP archive but neither a Word") as error:
        read_bytes(buffer.getvalue(), "plans.zip")
    assert_one_sentence(error)


def test_pdf_name_without_pdf_content_is_refused():
    with pytest.raises(InputError, match="not a real PDF"):
        read_bytes(b"just some text", "plan.pdf")


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty") as error:
        read_path(path)
    assert_one_sentence(error)


def test_whitespace_only_file_is_refused():
    with pytest.raises(InputError, match="empty"):
        read_bytes(b" \r\n\t\n", "blank.txt")


def test_binary_garbage_is_refused():
    garbage = bytes(range(256)) * 64
    with pytest.raises(InputError, match="binary data") as error:
        read_bytes(garbage, "data.txt")
    assert_one_sentence(error)


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: nothing to read, only stat() sees the size
    started = time.monotonic()
    with pytest.raises(InputError, match="20 MB limit") as error:
        read_path(path)
    assert time.monotonic() - started < 1.0
    assert_one_sentence(error)


def test_oversized_bytes_are_refused():
    with pytest.raises(InputError, match="20 MB limit"):
        read_bytes(b"a" * (MAX_BYTES + 1), "big.txt")


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_path(tmp_path / "missing.txt")


def test_directory_is_refused(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_path(tmp_path)


def test_source_text_records_format_and_encoding(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    assert read_path(path) == SourceText(text=PLAN, format="txt", encoding="utf-8")
