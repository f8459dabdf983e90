"""A government web page -> the text of the article it carries.

Page furniture goes: script/style/nav/header/footer/aside and elements whose class or id
marks navigation, breadcrumbs, share buttons, toolbars or footers, and whole lines such as
扫一扫在手机打开当前页面 (data/reading.toml). When one container evidently holds the article,
only it is kept, plus the document-information table (索引号, 成文日期 …) beside it, because
the metadata of the plan is printed there. Block elements become line breaks; table cells
in a row are joined with " | ".
"""

from __future__ import annotations

import re
from functools import lru_cache

import lxml.html
from lxml import etree

from taizhang.parsing.readers.config import compile_lines, reading_config
from taizhang.parsing.readers.rows import trimmed

_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe",
    "button", "select", "input", "textarea", "svg", "canvas", "object", "embed", "head",
)  # fmt: skip
_BLOCK_TAGS = (
    "address", "article", "blockquote", "br", "caption", "center", "dd", "div", "dl", "dt",
    "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main",
    "ol", "p", "pre", "section", "table", "tbody", "tfoot", "thead", "title", "tr", "ul",
)  # fmt: skip
_BLOCKS = frozenset(_BLOCK_TAGS)
_CELL = "\x1f"  # stands for a cell boundary until lines are assembled
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_EVIDENT_SHARE = 0.5  # a container holding at least this share of the page's Chinese is the article
_FURNITURE_MAX_SHARE = 0.5  # an element holding more of the page than this is not furniture


def html_to_text(markup: str) -> str:
    root = _parse(markup)
    if root is None:
        return ""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for element in list(root.iter(*_DROP_TAGS)):
        _drop(element)
    page_size = _cjk_count(root)
    _drop_furniture(root, page_size)
    article = _article(root, page_size)
    parts = []
    if article is not None:
        info = _page_info(root, article)
        if info is not None:
            parts.append(_render(info))
        parts.append(_render(article))
    else:
        parts.append(_render(root))
    return _clean_lines("\n".join(parts))


def _parse(markup: str):
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    if not markup.strip():
        return None
    try:
        return lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


def _drop(element) -> None:
    if element.getparent() is not None:
        element.drop_tree()  # keeps the tail text, which belongs to the parent


def _tokens(element) -> list[str]:
    values = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return values.split()


@lru_cache(maxsize=1)
def _furniture_marks() -> tuple[frozenset[str], frozenset[str]]:
    config = reading_config()["html"]
    return frozenset(config["noise_class_parts"]), frozenset(config["noise_class_tokens"])


def _is_furniture(element) -> bool:
    parts, wholes = _furniture_marks()
    return any(
        token in wholes or parts.intersection(re.split(r"[-_]+", token))
        for token in _tokens(element)
    )


def _drop_furniture(root, page_size: int) -> None:
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if _is_furniture(element) and _cjk_count(element) <= page_size * _FURNITURE_MAX_SHARE:
            _drop(element)


def _article(root, page_size: int):
    """The outermost article-like container holding most of the page's Chinese, if any."""
    if page_size == 0:
        return None
    wanted = set(reading_config()["html"]["main_class_tokens"])
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        marked = element.tag in ("article", "main") or wanted.intersection(_tokens(element))
        if marked and _cjk_count(element) >= page_size * _EVIDENT_SHARE:
            return element
    return None


def _page_info(root, article):
    """The smallest block outside the article that lists document fields (成文日期 …)."""
    labels = reading_config()["html"]["page_info_labels"]
    skip = set(article.iter()) | set(article.iterancestors())
    found, found_size = None, 0
    for element in root.iter("table", "ul", "dl", "div"):
        if element in skip:
            continue
        text = element.text_content()
        if sum(label in text for label in labels) >= 2 and (
            found is None or len(text) < found_size
        ):
            found, found_size = element, len(text)
    return found


def _cjk_count(element) -> int:
    return len(_CJK.findall(element.text_content()))


_CELL_TEXT = 400  # characters: a table cell holding more is page layout, not a table's cell


def _render(top) -> str:
    """The text, a line per block; a table row on one line, its cells apart. Inside a cell
    of a data table (a short cell holding no table), paragraphs are joined with a blank, as
    the .docx reader joins a cell's paragraphs: a table saved from Word wraps every cell's
    text in <p> (tests/parsing/formats.py f08, and test_reading's cells of two paragraphs)."""
    out: list[str] = []
    pre_depth = 0
    cell = None  # the data-table cell being rendered
    for event, element in etree.iterwalk(top, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            pre_depth += tag == "pre"
            if tag in ("td", "th") and cell is None and _is_data_cell(element):
                cell = element
                out.append("\n" if tag in _BLOCKS else "")
            elif tag in _BLOCKS:
                out.append(" " if cell is not None else "\n")
            if tag in ("td", "th"):
                out.append(_CELL)
            out.append(_inline(element.text, pre_depth))
        else:
            pre_depth -= tag == "pre"
            if tag in _BLOCKS:
                out.append(" " if cell is not None and element is not cell else "\n")
            if element is cell:
                cell = None
            if element is not top:
                out.append(_inline(element.tail, pre_depth))
    return "".join(out)


def _is_data_cell(element) -> bool:
    if element.find(".//table") is not None:
        return False
    return len(element.text_content()) <= _CELL_TEXT


def _inline(text: str | None, pre_depth: int) -> str:
    if not text:
        return ""
    return text if pre_depth else _SPACES.sub(" ", text)


def _clean_lines(text: str) -> str:
    noise = compile_lines(reading_config()["html"]["noise_lines"])
    lines = []
    for raw in text.split("\n"):
        # an empty cell between filled ones keeps its place under its column (f08)
        cells = trimmed([cell.strip() for cell in raw.split(_CELL)])
        if len(cells) > 1:  # a cell's paragraphs, apart by one blank
            cells = [re.sub(" {2,}", " ", cell) for cell in cells]
        line = " | ".join(cells)
        if line and not noise.fullmatch(line):
            lines.append(line)
    return "\n".join(lines)


def looks_like_html(text: str) -> bool:
    head = text[:8192]
    if "<" not in head:  # every tag opens with one (and lower() makes none)
        return False
    head = head.lower()
    if re.search(r"<!doctype\s+html|<html[\s>]", head):
        return True
    return len(re.findall(r"<(?:body|head|div|p|table|meta|span|br)[\s/>]", head)) >= 3
