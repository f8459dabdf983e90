"""The scoring rules of a yearly assessment, as pure functions (no Django).

Given what a unit or a county did in the year (its Facts) and the scheme's indicators
(Rules), score_subject() returns a Score: one Line per indicator and per bonus or penalty
item, each saying in Chinese how its points were reached. Arithmetic is exact (Fraction):
the lines add up to the total to the last digit, and ties are real ties; numbers are
rounded only when shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

REPORT_TIMELINESS = "report_timeliness"
MEASURE_COMPLETION = "measure_completion"
TARGET_ATTAINMENT = "target_attainment"
REVIEW_OUTCOMES = "review_outcomes"
DUTY_FULFILMENT = "duty_fulfilment"
SURVEY_RESULTS = "survey_results"
BONUS = "bonus"
PENALTY = "penalty"

# Target statuses as taizhang.supervision.progress.Status names them.
MET, ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA = "met", "on_track", "at_risk", "off_track", "no_data"
STATUS_LABELS = {
    MET: "已达标",
    ON_TRACK: "进度正常",
    AT_RISK: "存在风险",
    OFF_TRACK: "进度滞后",
    NO_DATA: "暂无数据",
}

# What happens to an indicator that does not apply to a subject (nothing was due).
WHEN_NONE_FULL = "full"  # 按满分计
WHEN_NONE_PRORATE = "prorate"  # 按其余指标得分率折算

# Every parameter the rules read: name -> (label, default). The pages build their forms
# from this table, so a parameter has one Chinese name everywhere.
PARAMS: dict[str, dict[str, tuple[str, float | None]]] = {
    REPORT_TIMELINESS: {
        "late_deduction": ("每逾期报送一次扣分", None),
        "missing_deduction": ("每未报送一次扣分", None),
        "late_credit": ("逾期报送折算系数（按比例计分时）", 0),
    },
    MEASURE_COMPLETION: {
        "lagging_deduction": ("每项滞后任务扣分", 0),
        "ongoing_credit": ("长期任务“推进中”折算系数", 1),
    },
    TARGET_ATTAINMENT: {
        "at_risk_credit": ("“存在风险”目标折算系数", 0.5),
        "no_data_credit": ("“暂无数据”目标折算系数", 0),
    },
    REVIEW_OUTCOMES: {"return_deduction": ("每退回一次扣分", None)},
    DUTY_FULFILMENT: {"missed_deduction": ("每少开展一次扣分", None)},
    SURVEY_RESULTS: {
        "target": ("满分标准（%）", 90),
        "floor": ("零分线（%）", 0),
    },
}


@dataclass(frozen=True)
class Rule:
    """One indicator of the scheme."""

    kind: str
    name: str
    weight: float
    params: Mapping = field(default_factory=dict)
    id: int | None = None


@dataclass(frozen=True)
class AdjustmentFact:
    points: float
    reason: str
    id: int | None = None


@dataclass(frozen=True)
class Facts:
    """What one subject (a unit, or a county's units together) did in the year.

    ``key`` names the subject for per-subject parameters ("unit:12", "region:4"), such as
    the survey rates the office enters."""

    key: str
    name: str
    reports_expected: int = 0
    reports_on_time: int = 0
    reports_late: int = 0
    reports_missing: int = 0
    measures_carried: int = 0
    measures_done: int = 0
    measures_lagging: int = 0
    # Measures without a deadline (长期坚持, recurring work) that the unit's accepted reports
    # say are 推进中: such work is never 已完成, so it is judged on being carried forward.
    measures_ongoing: int = 0
    target_statuses: tuple[str, ...] = ()
    reports_reviewed: int = 0
    reports_first_time: int = 0
    returns: int = 0
    duties_done: int = 0
    duties_expected: int = 0
    adjustments: tuple[AdjustmentFact, ...] = ()


@dataclass(frozen=True)
class Line:
    """One line of a breakdown: an indicator's score or a bonus/penalty item."""

    label: str
    kind: str
    weight: Fraction | None
    points: Fraction
    text: str  # the whole line: "按时报送 30分：应报 8 次…；得分 = 30 × 6/8 = 22.5"
    detail: str = ""  # the same without the indicator's name and weight
    applicable: bool = True
    rule_id: int | None = None

    def as_json(self) -> dict:
        return {
            "label": self.label,
            "kind": self.kind,
            "weight": None if self.weight is None else float(self.weight),
            "points": float(self.points),
            "text": self.text,
            "detail": self.detail,
            "applicable": self.applicable,
            "rule_id": self.rule_id,
        }


@dataclass(frozen=True)
class Score:
    key: str
    name: str
    lines: tuple[Line, ...]

    @property
    def total(self) -> Fraction:
        return sum((line.points for line in self.lines), Fraction(0))

    def points_of(self, rule_id) -> Fraction | None:
        return next((line.points for line in self.lines if line.rule_id == rule_id), None)

    @property
    def adjustment_points(self) -> Fraction:
        return sum(
            (line.points for line in self.lines if line.kind in (BONUS, PENALTY)), Fraction(0)
        )


# -- numbers ---------------------------------------------------------------------------


def exact(value) -> Fraction:
    """A number as the office typed it (12.5 is 25/2, not a binary approximation)."""
    if isinstance(value, Fraction):
        return value
    return Fraction(str(value))


def fmt(value) -> str:
    """A number as people read it: at most two decimals, no trailing zeros."""
    value = exact(value)
    rounded = round(value, 2)
    text = f"{float(rounded):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _equals(value: Fraction) -> str:
    return f"= {fmt(value)}" if round(value, 2) == value else f"≈ {fmt(value)}"


def _param(rule: Rule, name: str) -> Fraction | None:
    default = PARAMS.get(rule.kind, {}).get(name, ("", None))[1]
    raw = rule.params.get(name, default) if rule.params else default
    if raw in (None, ""):
        return None
    return exact(raw)


def _clamp(points: Fraction, weight: Fraction) -> tuple[Fraction, str]:
    """Points between 0 and the indicator's weight, with a note when cut."""
    if points < 0:
        return Fraction(0), "，扣至 0 分为止"
    if points > weight:
        return weight, f"，最高 {fmt(weight)} 分"
    return points, ""


# -- the rules -------------------------------------------------------------------------
# Each returns (points, explanation) or None when nothing was due (not applicable).


def _ratio(weight, numerator, denominator, counted: str) -> tuple[Fraction, str]:
    points = weight * numerator / denominator
    return points, f"得分 = {fmt(weight)} × {counted}/{denominator} {_equals(points)}"


def _deduct(weight, items: Sequence[tuple[int, Fraction | None, str]]) -> tuple[Fraction, str]:
    """weight − Σ count × deduction, over the items that have a deduction."""
    points, terms = weight, []
    for count, deduction, label in items:
        if deduction:
            points -= count * deduction
            terms.append(f" − {fmt(deduction)} × {count}（{label}）")
    points, cut = _clamp(points, weight)
    return points, f"得分 = {fmt(weight)}{''.join(terms)} {_equals(points)}{cut}"


def _timeliness(rule: Rule, weight: Fraction, facts: Facts):
    expected = facts.reports_expected
    if not expected:
        return None
    on_time, late, missing = facts.reports_on_time, facts.reports_late, facts.reports_missing
    text = f"应报 {expected} 次，按时 {on_time} 次，逾期 {late} 次，未报 {missing} 次；"
    late_deduction = _param(rule, "late_deduction")
    missing_deduction = _param(rule, "missing_deduction")
    if late_deduction or missing_deduction:
        points, formula = _deduct(
            weight, [(late, late_deduction, "逾期"), (missing, missing_deduction, "未报")]
        )
        return points, text + formula
    credit = _param(rule, "late_credit") or Fraction(0)
    if credit and late:
        counted = on_time + late * credit
        points = weight * counted / expected
        shown = f"({on_time} + {fmt(credit)} × {late})"
        return points, text + f"得分 = {fmt(weight)} × {shown}/{expected} {_equals(points)}"
    points, formula = _ratio(weight, on_time, expected, str(on_time))
    return points, text + formula


def _completion(rule: Rule, weight: Fraction, facts: Facts):
    carried = facts.measures_carried
    if not carried:
        return None
    done, lagging, ongoing = facts.measures_done, facts.measures_lagging, facts.measures_ongoing
    credit = _param(rule, "ongoing_credit") or Fraction(0)
    text = f"承担任务 {carried} 项，已完成 {done} 项，"
    if ongoing:
        text += f"长期任务推进中 {ongoing} 项（按 {fmt(credit)} 项计），"
    text += f"滞后 {lagging} 项；"
    if credit and ongoing:
        points = weight * (done + credit * ongoing) / carried
        counted = (
            f"({done} + {ongoing})" if credit == 1 else f"({done} + {fmt(credit)} × {ongoing})"
        )
    else:
        points = weight * done / carried
        counted = str(done)
    formula = f"得分 = {fmt(weight)} × {counted}/{carried}"
    deduction = _param(rule, "lagging_deduction")
    if deduction and lagging:
        points -= deduction * lagging
        formula += f" − {fmt(deduction)} × {lagging}（滞后）"
    points, cut = _clamp(points, weight)
    return points, text + f"{formula} {_equals(points)}{cut}"


def _targets(rule: Rule, weight: Fraction, facts: Facts):
    statuses = [status for status in facts.target_statuses if status in STATUS_LABELS]
    if not statuses:
        return None
    credits = {
        MET: Fraction(1),
        ON_TRACK: Fraction(1),
        AT_RISK: _param(rule, "at_risk_credit") or Fraction(0),
        OFF_TRACK: Fraction(0),
        NO_DATA: _param(rule, "no_data_credit") or Fraction(0),
    }
    counts = {status: statuses.count(status) for status in STATUS_LABELS}
    listed = "，".join(
        f"{STATUS_LABELS[status]} {count} 个" for status, count in counts.items() if count
    )
    earned = sum((credits[status] * count for status, count in counts.items()), Fraction(0))
    terms = [
        str(count) if credits[status] == 1 else f"{fmt(credits[status])} × {count}"
        for status, count in counts.items()
        if count and credits[status]
    ]
    counted = "(" + " + ".join(terms) + ")" if len(terms) > 1 else (terms[0] if terms else "0")
    points = weight * earned / len(statuses)
    text = f"考核目标 {len(statuses)} 个：{listed}；"
    return points, text + f"得分 = {fmt(weight)} × {counted}/{len(statuses)} {_equals(points)}"


def _reviews(rule: Rule, weight: Fraction, facts: Facts):
    reviewed = facts.reports_reviewed
    if not reviewed:
        return _nothing_to_review(facts)
    first, returns = facts.reports_first_time, facts.returns
    text = f"经审核的报告 {reviewed} 份，一次通过 {first} 份，被退回 {returns} 次；"
    deduction = _param(rule, "return_deduction")
    if deduction:
        points, formula = _deduct(weight, [(returns, deduction, "退回")])
    else:
        points, formula = _ratio(weight, first, reviewed, str(first))
    return points, text + formula


def _nothing_to_review(facts: Facts):
    """Silence earns no quality: a subject that owed reports and filed none scores 0 (it
    used to be 按满分计, so the unit that reported nothing outscored one whose report was
    returned once). Filed reports still awaiting review are judged by the subject's other
    results (_not_applicable); owing nothing does not apply."""
    filed = facts.reports_on_time + facts.reports_late
    if facts.reports_expected and not filed:
        return Fraction(0), (
            f"应报 {facts.reports_expected} 次，未报送任何报告，无可审核的报告；得分 = 0"
        )
    return None


def _awaiting_review(rule: Rule, facts: Facts) -> bool:
    return rule.kind == REVIEW_OUTCOMES and facts.reports_on_time + facts.reports_late > 0


def _duties(rule: Rule, weight: Fraction, facts: Facts):
    expected = facts.duties_expected
    if not expected:
        return None
    done = min(facts.duties_done, expected)
    missed = expected - done
    text = f"经常性任务应开展 {expected} 次，已开展 {done} 次，未开展 {missed} 次；"
    deduction = _param(rule, "missed_deduction")
    if deduction:
        points, formula = _deduct(weight, [(missed, deduction, "未开展")])
    else:
        points, formula = _ratio(weight, done, expected, str(done))
    return points, text + formula


def survey_rate(rule: Rule, key: str) -> Fraction | None:
    rates = (rule.params or {}).get("rates") or {}
    value = rates.get(key)
    return None if value in (None, "") else exact(value)


def _survey(rule: Rule, weight: Fraction, facts: Facts):
    rate = survey_rate(rule, facts.key)
    if rate is None:
        return None
    target = _param(rule, "target") or Fraction(90)
    floor = _param(rule, "floor") or Fraction(0)
    text = f"测评结果 {fmt(rate)}%（{fmt(target)}% 及以上得满分"
    text += f"，{fmt(floor)}% 及以下不得分）；" if floor else "）；"
    if rate >= target:
        return weight, text + f"得分 = {fmt(weight)}"
    if rate <= floor:
        return Fraction(0), text + "得分 = 0"
    points = weight * (rate - floor) / (target - floor)
    if floor:
        shown = f"({fmt(rate)} − {fmt(floor)})/({fmt(target)} − {fmt(floor)})"
    else:
        shown = f"{fmt(rate)}/{fmt(target)}"
    return points, text + f"得分 = {fmt(weight)} × {shown} {_equals(points)}"


RULES = {
    REPORT_TIMELINESS: _timeliness,
    MEASURE_COMPLETION: _completion,
    TARGET_ATTAINMENT: _targets,
    REVIEW_OUTCOMES: _reviews,
    DUTY_FULFILMENT: _duties,
    SURVEY_RESULTS: _survey,
}
NOT_APPLICABLE = {
    REPORT_TIMELINESS: "本年度无应报送的进展报告",
    MEASURE_COMPLETION: "未承担本方案任务",
    TARGET_ATTAINMENT: "无由本单位牵头的量化目标（或暂无目标进度）",
    REVIEW_OUTCOMES: "本年度无经审核的报告",
    DUTY_FULFILMENT: "未承担经常性任务",
    SURVEY_RESULTS: "暂无测评结果",
}


# -- a subject's score -----------------------------------------------------------------


def score_subject(facts: Facts, rules: Iterable[Rule]) -> Score:
    """The subject's score: a line per indicator, then one per bonus or penalty item."""
    rules = list(rules)
    scored: dict[int, tuple[Fraction, str] | None] = {}
    for index, rule in enumerate(rules):
        weight = exact(rule.weight)
        result = RULES[rule.kind](rule, weight, facts)
        if result is not None:
            points, text = result
            points, _ = _clamp(points, weight)  # every rule stays within its weight
            result = (points, text)
        scored[index] = result
    rate = _rate_of_applicable(rules, scored)
    lines = []
    for index, rule in enumerate(rules):
        weight = exact(rule.weight)
        result = scored[index]
        if result is None:
            points, text = _not_applicable(rule, weight, rate, _awaiting_review(rule, facts))
        else:
            points, text = result
        lines.append(
            Line(
                label=rule.name,
                kind=rule.kind,
                weight=weight,
                points=points,
                text=f"{rule.name} {fmt(weight)}分：{text}",
                detail=text,
                applicable=result is not None,
                rule_id=rule.id,
            )
        )
    for item in facts.adjustments:
        points = exact(item.points)
        kind, word = (BONUS, "加分") if points >= 0 else (PENALTY, "减分")
        sign = "+" if points >= 0 else "−"
        lines.append(
            Line(
                label=word,
                kind=kind,
                weight=None,
                points=points,
                text=f"{word}：{item.reason}（{sign}{fmt(abs(points))} 分）",
                detail=item.reason,
                rule_id=None,
            )
        )
    return Score(facts.key, facts.name, tuple(lines))


def _rate_of_applicable(rules, scored) -> Fraction | None:
    weights = sum(
        (exact(rule.weight) for i, rule in enumerate(rules) if scored[i] is not None), Fraction(0)
    )
    if not weights:
        return None
    earned = sum((result[0] for result in scored.values() if result is not None), Fraction(0))
    return earned / weights


def _not_applicable(rule: Rule, weight: Fraction, rate: Fraction | None, awaiting=False):
    """Nothing to score: full marks, or the rate of the other indicators, as the scheme
    says. Reports filed and not yet reviewed always take the rate of the others: full
    marks would reward a unit whose every report is late and unread."""
    reason = "已报送的报告尚未审核" if awaiting else NOT_APPLICABLE[rule.kind]
    policy = (rule.params or {}).get("when_none", WHEN_NONE_FULL)
    if (policy == WHEN_NONE_PRORATE or awaiting) and rate is not None:
        points = weight * rate
        return points, (
            f"{reason}，按其余指标得分率 {fmt(rate * 100)}% 折算；"
            f"得分 = {fmt(weight)} × {fmt(rate * 100)}% {_equals(points)}"
        )
    return weight, f"{reason}，按满分计；得分 = {fmt(weight)}"


def score_all(subjects: Iterable[Facts], rules: Sequence[Rule]) -> list[Score]:
    return [score_subject(facts, rules) for facts in subjects]


TIE_RULE = (
    "名次：按总分由高到低排列；总分相同的，依次比较各项指标得分（按指标顺序），高者列前；"
    "总分和各项指标得分均相同的，名次并列（标“并列”），按名称排列。"
)


def _indicator_points(score: Score) -> tuple[Fraction, ...]:
    return tuple(line.points for line in score.lines if line.kind not in (BONUS, PENALTY))


def ranked(scores: Iterable[Score]) -> list[tuple[int, Score]]:
    """Highest total first (TIE_RULE): equal totals are ordered by the indicators' points in
    the scheme's order; subjects equal on every one share a rank and the next rank skips
    (1, 1, 3), as offices publish them, listed by name."""
    ordered = sorted(
        scores,
        key=lambda s: (-s.total, tuple(-p for p in _indicator_points(s)), s.name),
    )
    result, previous, rank = [], None, 0
    for position, score in enumerate(ordered, start=1):
        standing = (score.total, _indicator_points(score))
        if standing != previous:
            rank, previous = position, standing
        result.append((rank, score))
    return result


def shared_ranks(ranks: Iterable[int]) -> set[int]:
    """The ranks held by more than one subject (shown as 并列)."""
    seen, shared = set(), set()
    for rank in ranks:
        (shared if rank in seen else seen).add(rank)
    return shared


# -- 口径: one line per indicator, on the scheme and ranking pages and in the workbook ----


def _formula(kind: str, params: Mapping) -> str:
    def value(name):
        default = PARAMS.get(kind, {}).get(name, ("", None))[1]
        raw = params.get(name, default)
        return None if raw in (None, "", 0) else fmt(raw)

    if kind == REPORT_TIMELINESS:
        late, missing = value("late_deduction"), value("missing_deduction")
        if late or missing:
            terms = (
                f"逾期每次扣 {late} 分" if late else "",
                f"未报每次扣 {missing} 分" if missing else "",
            )
            return "分值起扣，" + "、".join(t for t in terms if t) + "；"
        credit = value("late_credit")
        counted = f"（按时次数 + 逾期次数 × {credit}）" if credit else "按时报送次数"
        return (
            f"分值 × {counted} ÷ 应报次数；按时指首次报送不晚于该期截止日期，"
            "退回后重报以首次报送为准，未报计 0；"
        )
    if kind == MEASURE_COMPLETION:
        credit = value("ongoing_credit")
        ongoing = f" + 长期任务“推进中”项数 × {credit}" if credit else ""
        lagging = value("lagging_deduction")
        deduct = f"，每项滞后任务扣 {lagging} 分" if lagging else ""
        return (
            f"分值 × （已完成项数{ongoing}）÷ 承担任务数{deduct}；以本单位最新一期审核通过的"
            "报告为准，无完成时限的长期任务按进展计；"
        )
    if kind == TARGET_ATTAINMENT:
        at_risk = value("at_risk_credit") or "0"
        no_data = value("no_data_credit") or "0"
        return (
            "分值 × 牵头目标的达成得分 ÷ 目标个数；已达标、进度正常计 1，"
            f"存在风险计 {at_risk}，暂无数据计 {no_data}，进度滞后计 0；"
        )
    if kind == REVIEW_OUTCOMES:
        returns = value("return_deduction")
        formula = (
            f"分值起扣，每退回一次扣 {returns} 分"
            if returns
            else "分值 × 一次审核通过的报告数 ÷ 经审核的报告数"
        )
        return f"{formula}；应报而未报送任何报告的计 0 分，报告尚未审核的按其余指标得分率折算；"
    if kind == DUTY_FULFILMENT:
        missed = value("missed_deduction")
        if missed:
            return f"分值起扣，经常性任务每少开展一次扣 {missed} 分；"
        return "分值 × 已开展次数 ÷ 应开展次数；"
    if kind == SURVEY_RESULTS:
        target = value("target") or "90"
        floor = value("floor")
        zero = f"，{floor}% 及以下不得分" if floor else ""
        return f"测评满意率达到 {target}% 得满分，不足的按比例计{zero}；"
    return ""


def rule_in_words(kind: str, params: Mapping | None) -> str:
    """How an indicator is scored, in one line (its 口径)."""
    params = params or {}
    if params.get("when_none") == WHEN_NONE_PRORATE:
        none = "无应考核事项的，按其余指标得分率折算。"
    else:
        none = "无应考核事项的，按满分计。"
    return _formula(kind, params) + none


def params_in_words(indicator) -> list[str]:
    """An indicator's rule parameters as the office reads them (the scheme page, the log)."""
    params = indicator.params or {}
    words = []
    for name, (label, default) in PARAMS.get(indicator.kind, {}).items():
        value = params.get(name, default)
        if value not in (None, "", 0):
            words.append(f"{label} {fmt(value)}")
    if params.get("when_none") == "prorate":
        words.append("无应考核事项时按其余指标得分率折算")
    if indicator.kind == "survey_results":
        words.append(f"已录入测评结果 {len(params.get('rates') or {})} 个")
    return words
