"""The first draft of an annual report, section by section, from the figures in
annual_data.py. Texts only say what the data say: figures are counted, typical practices,
problems and next year's work are quoted from the units' own reports, grouped by chapter
(nothing is invented); the office rewrites them in the browser.

A section is a dict stored on the report: {"key", "heading", "text", "tables"}; a table is
{"caption", "header", "rows", "widths", "centred"}. Headings carry no numeral: the document
numbers them 一、二、… in the order they appear."""

from __future__ import annotations

from taizhang.annual_reports import data
from taizhang.annual_reports.data import Figures, Quote
from taizhang.reporting.status import Completion
from taizhang.supervision.progress import Status

QUOTE_LIMIT = 300  # characters of one quoted narrative
SUBNUMERALS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十 (up to 99: enough for headings)."""
    if n <= 10:
        return "零一二三四五六七八九十"[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else SUBNUMERALS[tens - 1]
    return f"{head}十{SUBNUMERALS[ones - 1] if ones else ''}"


def percent(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".") + unit


def _shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    return text if len(text) <= limit else text[:limit] + "……"


# -- the sections --------------------------------------------------------------------------


def overview(figures: Figures) -> dict:
    scope, s = figures.scope, figures.statuses
    who = scope.name
    carried = "承担" if not scope.whole_plan else "部署"
    completion, reported = figures.completion, figures.timeliness
    text = [
        f"{scope.year}年，{who}对照《{scope.plan.title}》推进各项任务。截至"
        f"{figures.as_of.year}年{figures.as_of.month}月{figures.as_of.day}日，"
        f"{who}{carried}的{figures.measures}项任务中，已完成{s['done']}项，推进中"
        f"{s['in_progress']}项，滞后{s['lagging']}项，未启动{s['not_started']}项，"
        f"完成率{completion.percent}。",
    ]
    if reported.expected:
        text.append(
            f"全年应报送进展报告{reported.expected}份，按时报送{reported.on_time}份，"
            f"逾期报送{reported.late}份，未报送{reported.missing}份，按时报送率"
            f"{reported.rate:g}%。"
        )
    else:
        text.append("本年度没有已到报送截止日期的进展报告。")
    text.append("注：" + "".join(figures.rules))
    rows = [
        ("任务总数（项）", figures.measures),
        *[(f"{label}（项）", count) for label, count in data.status_rows(figures)],
        ("完成率", completion.percent),
        ("应报送进展报告（份）", reported.expected),
        ("按时报送（份）", reported.on_time),
        ("逾期报送（份）", reported.late),
        ("未报送（份）", reported.missing),
        ("按时报送率", f"{reported.rate:g}%" if reported.expected else "—"),
    ]
    table = _table("主要数据", ("项目", "数据"), [(k, str(v)) for k, v in rows], (96, 60), {1})
    return _section("overview", "总体情况", text, [table])


CHAPTER_HEADER = ("序号", "章节", "任务数", "已完成", "推进中", "滞后", "未启动", "完成率")


def chapters(figures: Figures) -> dict:
    text, rows = [], []
    first_highlight = {}
    for quote in figures.highlights:
        first_highlight.setdefault(quote.group, quote)
    for index, chapter in enumerate(figures.chapters, start=1):
        c = chapter.counts
        line = (
            f"（{chinese_number(index)}）{chapter.title}。共{chapter.total}项任务，已完成"
            f"{c['done']}项、推进中{c['in_progress']}项、滞后{c['lagging']}项"
            + (f"、未启动{c['not_started']}项" if c["not_started"] else "")
            + "。"
        )
        quote = first_highlight.get(chapter.group)
        if quote is not None:
            line += f"{quote.unit}（任务{quote.measure_number}）：{_shorten(quote.text, 120)}"
        text.append(line)
        rows.append(
            (
                str(index),
                chapter.label,
                str(chapter.total),
                *(str(c[status]) for status in data.STATUSES),
                Completion.of(c.elements()).percent,
            )
        )
    if not rows:
        return _section("chapters", "分章节推进情况", ["本年度没有承担的任务。"], [])
    table = _table(
        "分章节任务推进情况",
        CHAPTER_HEADER,
        rows,
        (10, 53, 15, 16, 16, 14, 16, 16),
        {0, 2, 3, 4, 5, 6, 7},
        small=True,
    )
    return _section("chapters", "分章节推进情况", text, [table])


TARGET_HEADER = ("序号", "目标指标", "目标值", "最新值", "完成情况")


def target_cells(target, progress) -> tuple[str, str, str, str]:
    goal = f"{target.get_comparator_display()}{number(target.value, target.unit)}"
    if target.year:
        goal += f"（{target.year}年）"
    latest = number(progress.latest, target.unit) if progress else "—"
    status = progress.label if progress else Status.LABELS[Status.NO_DATA]
    return target.quote, goal, latest, status


def targets(figures: Figures) -> dict:
    if not figures.targets:
        return _section("targets", "目标指标完成情况", ["本年度没有需要统计的量化目标指标。"], [])
    counts = dict.fromkeys(Status.LABELS, 0)
    behind = []
    rows = []
    for index, (target, progress) in enumerate(figures.targets, start=1):
        status = progress.status if progress else Status.NO_DATA
        counts[status] += 1
        if status in (Status.OFF_TRACK, Status.AT_RISK):
            behind.append(f"“{target.quote}”（{Status.LABELS[status]}）")
        rows.append((str(index), *target_cells(target, progress)))
    text = [
        f"纳入统计的{len(figures.targets)}项量化目标指标中，"
        + "，".join(f"{Status.LABELS[k]}{v}项" for k, v in counts.items() if v)
        + "。"
    ]
    if behind:
        text.append("需要加快推进的指标：" + "；".join(behind) + "。")
    table = _table("目标指标完成情况", TARGET_HEADER, rows, (12, 66, 30, 24, 24), {0, 3, 4})
    return _section("targets", "目标指标完成情况", text, [table])


def practices(figures: Figures) -> dict:
    if not figures.highlights:
        return _section("practices", "典型做法", ["本年度暂无审核标记为典型做法的进展报告。"], [])
    text = [
        f"（{chinese_number(i)}）{q.unit}（任务{q.measure_number}，{q.period}）：{_shorten(q.text)}"
        for i, q in enumerate(figures.highlights, start=1)
    ]
    return _section("practices", "典型做法", text, [])


def problems(figures: Figures) -> dict:
    text = _grouped(figures, figures.problems)
    if not text:
        text = ["各单位本年度报送的进展报告中未反映存在问题。"]
    return _section("problems", "存在的问题", text, [])


def next_year(figures: Figures) -> dict:
    heading = f"{figures.scope.year + 1}年工作打算"
    text = _grouped(figures, figures.next_steps)
    if not text:
        text = ["各单位本年度报送的进展报告中未填写下步打算。"]
    return _section("next_year", heading, text, [])


def _grouped(figures: Figures, quotes: list[Quote]) -> list[str]:
    """One subheading per chapter, then each unit's words, quoted."""
    lines = []
    for index, (title, group) in enumerate(data.grouped_by_chapter(figures, quotes), start=1):
        lines.append(f"（{chinese_number(index)}）{title}")
        lines += [f"{q.unit}（任务{q.measure_number}）：{_shorten(q.text)}" for q in group]
    return lines


NO_SURVEY = "本年度未开展测评。"


def survey(summary) -> dict:
    return _section("survey", "群众满意度测评情况", survey_lines(summary), [])


def survey_lines(summary: dict | None) -> list[str]:
    """The year's survey (surveys.results.satisfaction_summary) in words."""
    if not summary:
        return [NO_SURVEY]
    lines = []
    if summary.get("responses"):
        still = "（测评尚在进行，数据截至本稿生成时）" if summary.get("open") else ""
        lines.append(f"本年度群众满意度测评共收回有效问卷{summary['responses']}份{still}。")
    for key, label in (("satisfaction", "满意率"), ("awareness", "知晓率")):
        rate = summary.get(key)
        if not rate:
            continue
        line = f"{label}为{_fraction(rate['rate'])}"
        if rate.get("low") is not None and rate.get("high") is not None:
            line += f"（95%置信区间{_fraction(rate['low'])}—{_fraction(rate['high'])}）"
        if rate.get("target") is not None:
            line += f"，目标值{rate['target']:g}%"
        lines.append(line + "。")
    return lines or [NO_SURVEY]


def _fraction(value: float) -> str:
    return f"{value * 100:.1f}%"


def scores(figures: Figures, results) -> dict:
    heading = "考核评价情况"
    if results is None:
        return _section("scores", heading, ["本年度未开展考核评价。"], [])
    scope = figures.scope
    scheme = results.scheme
    state = "" if results.published else "（考核结果尚未发布，以下为当前测算结果）"
    if scope.unit is not None:
        entry = results.unit(scope.unit.pk)
        if entry is None:
            return _section(
                "scores", heading, [f"{scope.unit.name}未纳入《{scheme.name}》考核。"], []
            )
        line = (
            f"在《{scheme.name}》中，{entry.name}得分{number(entry.total)}分，"
            f"在{len(results.units)}个单位中排名第{entry.rank}位{state}。"
        )
        return _section("scores", heading, [line], [])
    if scope.whole_plan:
        counties, units = results.counties, results.units
    else:
        counties = [e for e in results.counties if e.id == scope.region.pk]
        units = [e for e in results.units if e.region_name == scope.region.name]
    text = [
        f"依据《{scheme.name}》，对{len(results.units)}个单位和{len(results.counties)}个"
        f"县（市、区）进行了考核评价{state}。"
    ]
    tables = [
        _score_table(title, column, entries)
        for title, column, entries in (
            ("县（市、区）考核得分", "县（市、区）", counties),
            ("单位考核得分", "单位", units),
        )
        if entries
    ]
    return _section("scores", heading, text, tables)


def _score_table(title, column, entries):
    return _table(
        title,
        ("名次", column, "得分"),
        [(str(e.rank), e.name, number(e.total)) for e in entries],
        (20, 96, 40),
        {0, 2},
    )


# -- the whole draft -----------------------------------------------------------------------


SECTION_KEYS = (
    "overview",
    "chapters",
    "targets",
    "practices",
    "problems",
    "next_year",
    "survey",
    "scores",
)
SECTION_HEADINGS = {
    "overview": "总体情况",
    "chapters": "分章节推进情况",
    "targets": "目标指标完成情况",
    "practices": "典型做法",
    "problems": "存在的问题",
    "next_year": "下一年度工作打算",
    "survey": "群众满意度测评情况",
    "scores": "考核评价情况",
}


def keys_for(unit_report: bool) -> tuple[str, ...]:
    """A unit's year-end report has no survey section: the public rates governments."""
    return tuple(k for k in SECTION_KEYS if not (unit_report and k == "survey"))


def section(key: str, figures: Figures, today=None) -> dict:
    scope = figures.scope
    if key == "survey":
        return survey(data.survey_summary(scope.plan, scope.year))
    if key == "scores":
        return scores(figures, data.scheme_results(scope.plan, scope.year, today))
    builders = {
        "overview": overview,
        "chapters": chapters,
        "targets": targets,
        "practices": practices,
        "problems": problems,
        "next_year": next_year,
    }
    return builders[key](figures)


def draft(figures: Figures, today=None) -> list[dict]:
    return [section(key, figures, today) for key in keys_for(figures.scope.unit is not None)]


def _section(key: str, heading: str, lines: list[str], tables: list[dict]) -> dict:
    return {"key": key, "heading": heading, "text": "\n".join(lines), "tables": tables}


def _table(caption, header, rows, widths, centred, small: bool = False) -> dict:
    return {
        "caption": caption,
        "header": list(header),
        "rows": [list(row) for row in rows],
        "widths": list(widths),
        "centred": sorted(centred),
        "small": small,
    }
