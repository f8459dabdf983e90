"""One figure, one number, on the loaded demo as its pages render it: for each demo
organisation's office, every plan's 完成率 (done/total) and status counts on the plan
list (实施方案) agree with the plan's dashboard (关键指标),
and its 逾期未报（份） agrees with the plan's supervision board. tests/test_one_truth.py checks
the read functions on a small constructed plan; this checks the rendered pages."""

from __future__ import annotations

import re

import lxml.html
from django.urls import reverse

from tests.browser.conftest import demo, demo_snapshot  # noqa: F401 (fixtures)

LEDGER = re.compile(r"^/plans/(\d+)/$")
RATE = re.compile(r"完成率\s*([\d.]+)%?\s*（(\d+)/(\d+)）")
BADGE = re.compile(r"^(\D+?)\s*(\d+)$")


def _text(node) -> str:
    return " ".join(node.text_content().split())


def _plan_list(page: bytes) -> dict[int, dict]:
    tree = lxml.html.fromstring(page)
    rows = {}
    for row in tree.xpath("//table[contains(@class, 'plan-list')]/tbody/tr"):
        plan_id = None
        for link in row.xpath("./td//a[@href]"):
            match = LEDGER.search(link.get("href").split("?")[0])
            if match:
                plan_id = int(match.group(1))
                break
        if plan_id is None:
            continue
        cell = row.xpath("./td[@data-label='完成情况']")[0]
        rate = RATE.search(_text(cell))
        badges = {}
        for badge in cell.xpath(".//span[contains(@class, 'badge')]"):
            match = BADGE.match(_text(badge))
            if match:
                badges[match.group(1).strip()] = int(match.group(2))
        rows[plan_id] = {"rate": rate.groups() if rate else None, "badges": badges}
    return rows


def _dashboard(page: bytes) -> dict[str, str]:
    return _stats(page, "//div[@aria-label='关键指标']")


def _stats(page: bytes, where: str) -> dict[str, str]:
    tree = lxml.html.fromstring(page)
    stats = {}
    for stat in tree.xpath(where + "/div[contains(@class, 'stat')]"):
        number = stat.find("b")
        if number is None:
            continue
        label = _text(stat)[len(_text(number)) :].strip()
        stats[label] = _text(number)
    return stats


def test_plan_list_and_dashboard_show_the_same_figures_for_each_office(client, demo):  # noqa: F811
    offices = [name for name in ("qn_office", "yc_office") if name in demo]
    assert offices, sorted(demo)
    disagreements, compared = [], 0
    for username in offices:
        client.force_login(demo[username])
        listing = client.get(reverse("ledger:list"))
        assert listing.status_code == 200
        rows = _plan_list(listing.content)
        assert rows, username
        for plan_id, row in rows.items():
            page = client.get(reverse("dashboards:plan", kwargs={"plan_id": plan_id}))
            if page.status_code != 200:
                continue
            stats = _dashboard(page.content)
            if row["rate"] is not None and "任务总数" in stats:
                compared += 1
                percent, done, total = row["rate"]
                if stats["任务总数"] != total:
                    disagreements.append((username, plan_id, "任务总数", total, stats["任务总数"]))
                if stats.get("已完成", "0") != done:
                    disagreements.append((username, plan_id, "已完成", done, stats.get("已完成")))
                shown = stats.get("完成率", "").rstrip("%")
                if shown and float(shown) != float(percent):
                    disagreements.append((username, plan_id, "完成率", percent, shown))
            board = client.get(reverse("supervision:board", kwargs={"plan_id": plan_id}))
            if board.status_code == 200 and "逾期未报（份）" in stats:
                late = _stats(board.content, "//div[contains(@class, 'stats')]")
                late, shown_late = late.get("逾期未报（份）"), stats["逾期未报（份）"]
                compared += 1
                if late != shown_late:
                    disagreements.append((username, plan_id, "逾期未报", late, shown_late))
            for label, count in row["badges"].items():
                if label in stats and stats[label] != str(count):
                    disagreements.append((username, plan_id, label, count, stats[label]))
    assert compared, "no plan's figures were found on both pages"
    assert not disagreements, disagreements
