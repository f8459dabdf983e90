"""No raw code on any page a demo person opens in their daily work: for every demo person
(both organisations' office, liaison, reviewer, county office and leader, 黔南's 李波 and
永宁县's office, and the system administrator) each of their main pages (as
test_demo_no_dead_ends.py lists them, with the site's menus) and every link in <main> (one
of each shape) is read as the person sees it: the text outside scripts and styles, with
the text of <option>s, title attributes and table headers. None of it may be a
Latin-letter word outside the few the pages print on purpose (units like MB, Excel, WPS,
API, file names, e-mail and web addresses, login names, the Ctrl key) or a phrase the
plans' own text prints (the demo plans' “1+4+N”, not a bare N), so no None, nan,
True/False, no enum value (report_due, draft, in_progress), no Python or template repr
(QuerySet, [], {}, <), no ISO timestamp (2026-03-31T10:00), and no empty table cell
where the tables print "—" (a cell of buttons may be empty). The header rows of the .xlsx
and .docx files the office downloads are read the same way. Each finding is fixed where
its text is made (a label in one place), and this test keeps it so (it met the surveys'
“n=304” and “Wilson”, the duties' help “开展N次” and empty 合计 cells in a score and the
review backlog)."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import docx
import openpyxl

from tests.browser.conftest import DEMO, demo, demo_snapshot  # noqa: F401 (fixtures)
from tests.web.test_demo_no_dead_ends import SKIP, _kind, _links, _main_pages

HREF = re.compile(r'href="(/[^"#]*)"')
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
# Words the pages print on purpose: units and formats a person knows, and keys they press.
ALLOWED = {
    "MB", "KB", "GB", "Excel", "WPS", "Word", "PDF", "API", "xlsx", "docx", "pdf", "txt",
    "csv", "doc", "xls", "html", "zip", "ID", "SMTP", "Taizhang", "URL", "OFD", "Ctrl", "PNG",
    "JPG", "JPEG",
}  # fmt: skip
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
URL = re.compile(r"(https?://|www\.)\S+|(?<![\w/])/[\w\-./?=&%]+")
FILE = re.compile(
    r"[^\s，。、：:（）()]+\.(xlsx|xls|docx|doc|pdf|txt|csv|html?|zip|ofd|wps)\b", re.I
)
ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}")
REPR = re.compile(r"QuerySet|\[\]|\{\}|[<>]|\{\{|\{%")
DOWNLOAD = re.compile(r"export|\.xlsx|\.docx|/filing/sheet/")
# a phrase of Latin letters a plan prints (“1+4+N”建设思路, 畅通“N”个渠道), with its figures
# and quotes, so that its letters pass there and nowhere else
PHRASE = re.compile(r"[“\d+]*[A-Za-z]+[\d+”]*")


class Visible(HTMLParser):
    """The text a person sees: outside <script>, <style> and <template>, with titles and
    placeholders; and how many table cells are left empty."""

    HIDDEN = {"script", "style", "template", "noscript"}
    FILLED = {"a", "input", "button", "select", "textarea", "img", "svg", "form", "progress"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.cells: list[list] = []  # [text, holds an element] of each open <td>
        self.empty_cells = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.HIDDEN:
            self.hidden += 1
        for name in ("title", "placeholder", "aria-label"):
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "td":
            # a cell of buttons (操作) may hold none
            self.cells.append(["", "action" in (attrs.get("class") or "").split()])
        elif self.cells and tag in self.FILLED:
            self.cells[-1][1] = True

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        if tag == "td" and self.cells:
            text, filled = self.cells.pop()
            if not text.strip() and not filled:
                self.empty_cells += 1

    def handle_data(self, data):
        if self.hidden:
            return
        self.parts.append(data)
        if self.cells:
            self.cells[-1][0] += data


def findings(text: str, allowed: set[str], phrases: tuple[str, ...] = ()) -> list[str]:
    """What in ``text`` is a raw code: ``allowed`` words (login names) and ``phrases``
    (the plans' own) are not."""
    found = [m.group() for m in ISO.finditer(text)]
    found += [m.group() for m in REPR.finditer(text)]
    for pattern in (EMAIL, URL, FILE):
        text = pattern.sub(" ", text)
    for phrase in phrases:
        text = text.replace(phrase, " ")
    return found + [w for w in WORD.findall(text) if w not in ALLOWED and w not in allowed]


def read_page(content: str, allowed: set[str], phrases: tuple[str, ...]) -> list[str]:
    parser = Visible()
    parser.feed(content)
    found = [word for part in parser.parts for word in findings(part, allowed, phrases)]
    if parser.empty_cells:
        found.append(f"{parser.empty_cells}个空单元格")
    return found


def read_download(response, allowed: set[str], phrases: tuple[str, ...]) -> list[str]:
    """The header rows of a workbook's sheets (its title and column rows) and of a
    document's tables."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    cells = []
    if content[:2] != b"PK":
        return []
    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    except Exception:  # not a workbook: a Word document
        document = docx.Document(io.BytesIO(content))
        cells = [cell.text for table in document.tables for cell in table.rows[0].cells]
        cells += [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    else:
        for sheet in book.worksheets:
            cells.append(sheet.title)
            for row in sheet.iter_rows(max_row=3, values_only=True):
                cells += [str(value) for value in row if value is not None]
    return [word for text in cells for word in findings(text, allowed, phrases)]


def _menu(page: str) -> list[str]:
    """The links of the site's menus (outside <main>)."""
    head, _, rest = page.partition("<main")
    tail = rest.split("</main>", 1)[-1]
    return [h.replace("&amp;", "&") for h in HREF.findall(head + tail)]


def test_no_demo_person_sees_a_raw_code(client, demo):  # noqa: F811
    # login names are shown as such; the plans print their own text (“1+4+N”)
    allowed = set(demo)
    printed = "".join(path.read_text(encoding="utf-8") for path in DEMO.glob("*.txt"))
    phrases = tuple(sorted(set(PHRASE.findall(printed)), key=len, reverse=True))
    raw, opened, downloads = [], 0, {}
    for username, person in sorted(demo.items()):
        if not person.is_active:
            continue
        client.force_login(person)
        home = client.get("/", follow=True)
        pages = [home.request["PATH_INFO"], *_menu(home.content.decode())]
        pages += _main_pages(person) if person.organisation_id else []
        seen: set[str] = set()
        queue = []
        for url in pages:
            if DOWNLOAD.search(url):
                downloads.setdefault(_kind(url), (person, url))
            elif _kind(url) not in seen and not SKIP.search(url) and "/accounts/" not in url:
                seen.add(_kind(url))
                queue.append((url, True))
        while queue:
            url, follow = queue.pop(0)
            page = client.get(url)
            opened += 1
            if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
                continue
            content = page.content.decode()
            raw += [(username, url, word) for word in read_page(content, allowed, phrases)]
            for href in _links(content) if follow else []:
                kind = _kind(href)
                if DOWNLOAD.search(href) and "/jobs/" not in href:
                    downloads.setdefault(kind, (person, href))
                if kind in seen or SKIP.search(href) or href.startswith("/accounts/"):
                    continue
                seen.add(kind)
                queue.append((href, False))
        client.logout()
    for person, url in downloads.values():
        client.force_login(person)
        response = client.get(url)
        if response.status_code == 200:
            found = read_download(response, allowed, phrases)
            raw += [(person.username, url, word) for word in found]
    assert opened > 1000 and len(downloads) >= 5, (opened, sorted(downloads))
    assert not raw, "\n".join(map(str, sorted(set(raw))))
