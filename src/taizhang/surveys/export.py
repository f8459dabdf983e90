"""A survey's results as an .xlsx workbook in the office's usual look: overall rates and
targets, counties against quotas, every question, respondent groups, waves, and the
free-text answers."""

from __future__ import annotations

from django.utils import timezone

from taizhang.documents import xlsx
from taizhang.surveys.models import Answer, Question
from taizhang.surveys.results import Results
from taizhang.surveys.statistics import Proportion, percent

RATE_HEADERS = [
    "满意率",
    "满意率95%置信区间",
    "满意率有效回答数",
    "知晓率",
    "知晓率95%置信区间",
    "知晓率有效回答数",
]


def _rate(p: Proportion) -> list:
    if not p.n:
        return ["—", "—", 0]
    return [percent(p.rate), f"{percent(p.low)}—{percent(p.high)}", p.n]


def _rates(row) -> list:
    return _rate(row.satisfaction) + _rate(row.awareness)


def results_workbook(r: Results) -> bytes:

    def fill(workbook):
        _overview(xlsx.new_sheet(workbook, "总体情况"), r)
        _regions(xlsx.new_sheet(workbook, "分地区"), r)
        _questions(xlsx.new_sheet(workbook, "分题目"), r)
        _groups(xlsx.new_sheet(workbook, "分群体"), r)
        _waves(xlsx.new_sheet(workbook, "历次测评"), r)
        _texts(xlsx.new_sheet(workbook, "意见建议"), r)

    return xlsx.workbook_bytes(fill)


def _overview(sheet, r: Results) -> None:
    headers = ["项目", "结果", "95%置信区间", "有效回答数", "目标", "是否达标"]
    xlsx.write_title(sheet, f"{r.survey}·测评结果", len(headers))
    xlsx.write_header(sheet, headers)
    quota = f"，计划样本量 {r.quota_total} 份" if r.quota_total else ""
    xlsx.write_body_row(sheet, ["回收答卷", f"{r.responses} 份{quota}", "", "", "", ""])
    for label, p, kind in (
        ("综合满意率", r.satisfaction, "satisfaction"),
        ("综合知晓率", r.awareness, "awareness"),
    ):
        targets = [t for t in r.targets if t.kind == kind]
        target = "；".join(t.target.quote for t in targets)
        verdict = "；".join(t.check.verdict for t in targets)
        xlsx.write_body_row(sheet, [label, *_rate(p), target, verdict], centered=(2, 3, 4, 6))
    xlsx.set_layout(sheet, [16, 14, 20, 12, 40, 30])


def _regions(sheet, r: Results) -> None:
    headers = ["序号", "县(市、区)", "计划样本量", "回收答卷", "完成率", *RATE_HEADERS]
    xlsx.write_title(sheet, f"{r.survey}·分地区结果", len(headers))
    xlsx.write_header(sheet, headers)
    for number, row in enumerate(r.regions, start=1):
        xlsx.write_body_row(
            sheet,
            [
                number,
                row.label,
                row.quota or "",
                row.responses,
                percent(row.completion),
                *_rates(row),
            ],
            centered=range(1, len(headers) + 1),
        )
    xlsx.set_layout(sheet, [6, 16, 10, 10, 10, 10, 18, 10, 10, 18, 10])


def _questions(sheet, r: Results) -> None:
    headers = [
        "序号",
        "题目",
        "题型",
        "对应章节",
        "作答人数",
        "选项分布",
        "满意率/知晓率",
        "95%置信区间",
        "对照目标",
    ]
    xlsx.write_title(sheet, f"{r.survey}·分题目结果", len(headers))
    xlsx.write_header(sheet, headers)
    for item in r.questions:
        q = item.question
        spread = "\n".join(f"{o.label}：{o.count}（{percent(o.share)}）" for o in item.options)
        rate, interval = ("", "")
        if item.rate is not None:
            rate, interval, _ = _rate(item.rate)
        xlsx.write_body_row(
            sheet,
            [
                item.number,
                q.text,
                q.get_kind_display(),
                str(q.chapter or ""),
                item.respondents,
                spread,
                rate,
                interval,
                item.check.verdict if item.check else "",
            ],
            centered=(1, 3, 5, 7, 8),
        )
    xlsx.set_layout(sheet, [6, 40, 12, 20, 9, 30, 12, 18, 24])


def _groups(sheet, r: Results) -> None:
    headers = ["分组", "类别", "答卷数", *RATE_HEADERS]
    xlsx.write_title(sheet, f"{r.survey}·分群体结果", len(headers))
    xlsx.write_header(sheet, headers)
    for title, rows in r.groups:
        for row in rows:
            xlsx.write_body_row(
                sheet, [title, row.label, row.responses, *_rates(row)], centered=range(3, 10)
            )
    xlsx.set_layout(sheet, [8, 18, 9, 10, 18, 10, 10, 18, 10])


def _waves(sheet, r: Results) -> None:
    headers = ["测评批次", "问卷", "开始日期", "答卷数", *RATE_HEADERS]
    xlsx.write_title(sheet, f"{r.survey}·历次测评", len(headers))
    xlsx.write_header(sheet, headers)
    for row in r.waves:
        survey = row.survey
        opened = f"{survey.opens_on:%Y-%m-%d}" if survey.opens_on else ""
        xlsx.write_body_row(
            sheet, [row.label, survey.title, opened, row.responses, *_rates(row)], centered=(3, 4)
        )
    xlsx.set_layout(sheet, [14, 34, 12, 9, 10, 18, 10, 10, 18, 10])


def _texts(sheet, r: Results) -> None:
    headers = ["序号", "题目", "县(市、区)", "乡镇(街道)", "意见建议", "提交时间"]
    xlsx.write_title(sheet, f"{r.survey}·开放题回答", len(headers))
    xlsx.write_header(sheet, headers)
    answers = (
        Answer.objects.filter(question__survey=r.survey, question__kind=Question.Kind.TEXT)
        .exclude(text="")
        .select_related("question", "response__region")
        .order_by("question__position", "response__created_at", "pk")
    )
    numbers = {item.question.pk: item.number for item in r.questions}
    for index, answer in enumerate(answers.iterator(), start=1):
        response = answer.response
        xlsx.write_body_row(
            sheet,
            [
                index,
                f"第{numbers.get(answer.question_id, '')}题 {answer.question.text}",
                response.region.name,
                response.township,
                answer.text,
                f"{timezone.localtime(response.created_at):%Y-%m-%d %H:%M}",
            ],
            centered=(1, 3, 6),
        )
    xlsx.set_layout(sheet, [6, 30, 12, 14, 60, 17])
