"""A survey's results as the pages, the export and the assessment read them: responses per
county against quotas, satisfaction and awareness rates with Wilson intervals overall, per
county, per question, per chapter and per respondent group, the plan's targets, and the
trend across the waves of the same plan.

Everything comes from grouped counts, in a fixed number of queries however many responses
there are; the arithmetic is statistics.py's."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from taizhang.plans.models import Target
from taizhang.surveys import statistics as st
from taizhang.surveys.models import AgeBand, Answer, Gender, Occupation, Question, Response, Survey
from taizhang.surveys.responding import regions_of

SCALE_KEYS = st.SATISFACTION_KEYS | st.AWARENESS_KEYS
GROUPS = (
    ("age_band", "年龄", AgeBand),
    ("gender", "性别", Gender),
    ("occupation", "职业", Occupation),
)
UNSTATED = "未填写"
SATISFACTION, AWARENESS = "satisfaction", "awareness"


@dataclass
class Option:
    label: str
    count: int
    share: float | None  # of the question's respondents


@dataclass
class QuestionResult:
    question: Question
    number: int
    respondents: int
    options: list[Option]
    rate: st.Proportion | None = None  # satisfaction or awareness questions
    check: st.TargetCheck | None = None


@dataclass
class Row:
    """One line of a breakdown table (a county, a chapter, a respondent group, a wave)."""

    label: str
    responses: int = 0
    satisfaction: st.Proportion = st.EMPTY
    awareness: st.Proportion = st.EMPTY
    quota: int | None = None
    region_id: int | None = None
    survey: Survey | None = None
    current: bool = False

    @property
    def completion(self) -> float | None:
        return st.share(self.responses, self.quota) if self.quota else None


@dataclass
class TargetRow:
    target: Target
    kind: str  # SATISFACTION | AWARENESS
    check: st.TargetCheck

    @property
    def label(self) -> str:
        return "满意率" if self.kind == SATISFACTION else "知晓率"


@dataclass
class Results:
    survey: Survey
    responses: int
    satisfaction: st.Proportion
    awareness: st.Proportion
    regions: list[Row]
    questions: list[QuestionResult]
    chapters: list[Row]
    groups: list[tuple[str, list[Row]]]
    targets: list[TargetRow]
    waves: list[Row]
    text_answers: int
    quota_total: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def completion(self) -> float | None:
        return st.share(self.responses, self.quota_total)

    @property
    def satisfaction_target(self) -> float | None:
        return next((t.target.value for t in self.targets if t.kind == SATISFACTION), None)

    @property
    def awareness_target(self) -> float | None:
        return next((t.target.value for t in self.targets if t.kind == AWARENESS), None)


def _counts():
    return defaultdict(int)


def results(survey: Survey) -> Results:
    questions = list(
        survey.questions.select_related("chapter")
        .prefetch_related("choices")
        .order_by("position", "pk")
    )
    key_of = {c.pk: c.key for q in questions for c in q.choices.all()}
    answers = Answer.objects.filter(question__survey=survey)

    per_question = defaultdict(_counts)  # question -> choice -> n
    per_region = defaultdict(_counts)  # region -> key -> n
    per_question_key = defaultdict(_counts)  # question -> key -> n
    rows = (
        answers.filter(choice__isnull=False)
        .values("question_id", "choice_id", "response__region_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        key = key_of.get(row["choice_id"], "")
        per_question[row["question_id"]][row["choice_id"]] += row["n"]
        per_question_key[row["question_id"]][key] += row["n"]
        if key:
            per_region[row["response__region_id"]][key] += row["n"]
    respondents = dict(
        answers.values("question_id")
        .annotate(n=Count("response_id", distinct=True))
        .order_by()
        .values_list("question_id", "n")
    )
    overall = st.add_counts(*per_region.values())
    targets = _targets(survey, overall)
    question_results = _questions(questions, per_question, per_question_key, respondents, targets)
    responses_by_region = dict(
        Response.objects.filter(survey=survey)
        .values("region_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("region_id", "n")
    )
    quotas = dict(survey.quotas.values_list("region_id", "target"))
    return Results(
        survey=survey,
        responses=sum(responses_by_region.values()),
        satisfaction=st.satisfaction(overall),
        awareness=st.awareness(overall),
        regions=_regions(survey, responses_by_region, quotas, per_region),
        questions=question_results,
        chapters=_chapters(question_results),
        groups=_groups(survey),
        targets=targets,
        waves=waves(survey),
        text_answers=answers.filter(question__kind=Question.Kind.TEXT).count(),
        quota_total=sum(quotas.values()),
    )


def _questions(questions, per_question, per_question_key, respondents, targets):
    wanted = {t.kind: t.check for t in targets}
    found = []
    for number, question in enumerate(questions, start=1):
        base = respondents.get(question.pk, 0)
        counts = per_question[question.pk]
        options = [
            Option(choice.label, counts.get(choice.pk, 0), st.share(counts.get(choice.pk, 0), base))
            for choice in question.choices.all()
        ]
        result = QuestionResult(question, number, base, options)
        keys = per_question_key[question.pk]
        if question.kind == Question.Kind.SATISFACTION:
            result.rate = st.satisfaction(keys)
            result.check = _recheck(wanted.get(SATISFACTION), result.rate)
        elif question.kind == Question.Kind.AWARENESS:
            result.rate = st.awareness(keys)
            result.check = _recheck(wanted.get(AWARENESS), result.rate)
        found.append(result)
    return found


def _recheck(check: st.TargetCheck | None, measured: st.Proportion) -> st.TargetCheck | None:
    return None if check is None else st.TargetCheck(check.target, check.comparator, measured)


def _targets(survey: Survey, overall: dict) -> list[TargetRow]:
    """The plan-level targets that name a satisfaction or awareness rate (满意率 / 满意度 /
    知晓率), against the survey's pooled rates."""
    if survey.plan_id is None:
        return []
    rows = []
    for target in Target.objects.filter(plan_id=survey.plan_id, measure__isnull=True, unit="%"):
        kind = _kind_of(target.quote)
        if kind is None:
            continue
        measured = st.satisfaction(overall) if kind == SATISFACTION else st.awareness(overall)
        rows.append(
            TargetRow(target, kind, st.TargetCheck(target.value, target.comparator, measured))
        )
    return rows


def _kind_of(quote: str) -> str | None:
    if "满意" in quote:
        return SATISFACTION
    if "知晓" in quote:
        return AWARENESS
    return None


def _regions(survey, responses, quotas, per_region) -> list[Row]:
    rows = []
    for region in regions_of(survey):
        counts = per_region.get(region.pk, {})
        rows.append(
            Row(
                label=region.name,
                region_id=region.pk,
                responses=responses.get(region.pk, 0),
                quota=quotas.get(region.pk),
                satisfaction=st.satisfaction(counts),
                awareness=st.awareness(counts),
            )
        )
    return rows


def _chapters(question_results) -> list[Row]:
    by_chapter: dict = {}
    for result in question_results:
        chapter = result.question.chapter
        if chapter is None or result.rate is None:
            continue
        row = by_chapter.setdefault(chapter.pk, Row(label=str(chapter)))
        if result.question.kind == Question.Kind.SATISFACTION:
            row.satisfaction = row.satisfaction + result.rate
        else:
            row.awareness = row.awareness + result.rate
    return list(by_chapter.values())


def _groups(survey) -> list[tuple[str, list[Row]]]:
    """Rates by age band, gender and occupation, from one grouped count of answers and one
    of responses."""
    names = [name for name, _, _ in GROUPS]
    responses = (
        Response.objects.filter(survey=survey).values(*names).annotate(n=Count("pk")).order_by()
    )
    answers = (
        Answer.objects.filter(question__survey=survey, choice__key__in=SCALE_KEYS)
        .values("choice__key", *(f"response__{name}" for name in names))
        .annotate(n=Count("pk"))
        .order_by()
    )
    tables = []
    for name, title, choices in GROUPS:
        people, counts = _counts(), defaultdict(_counts)
        for row in responses:
            people[row[name]] += row["n"]
        for row in answers:
            counts[row[f"response__{name}"]][row["choice__key"]] += row["n"]
        values = [*choices.values, ""]
        labels = {**dict(choices.choices), "": UNSTATED}
        tables.append(
            (
                title,
                [
                    Row(
                        label=labels[value],
                        responses=people.get(value, 0),
                        satisfaction=st.satisfaction(counts.get(value, {})),
                        awareness=st.awareness(counts.get(value, {})),
                    )
                    for value in values
                    if people.get(value)
                ],
            )
        )
    return tables


def waves(survey: Survey) -> list[Row]:
    """The surveys of the same plan that have collected answers, oldest first, with their
    pooled rates: the trend across waves. A survey without a plan stands alone."""
    if survey.plan_id is None:
        surveys = [survey]
    else:
        surveys = list(
            Survey.objects.filter(plan_id=survey.plan_id, organisation_id=survey.organisation_id)
            .exclude(state=Survey.State.DRAFT)
            .order_by("opens_on", "created_at", "pk")
        )
        if survey not in surveys:
            surveys.append(survey)
    ids = [s.pk for s in surveys]
    counts = defaultdict(_counts)
    for row in (
        Answer.objects.filter(question__survey_id__in=ids, choice__key__in=SCALE_KEYS)
        .values("question__survey_id", "choice__key")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[row["question__survey_id"]][row["choice__key"]] += row["n"]
    responses = dict(
        Response.objects.filter(survey_id__in=ids)
        .values("survey_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("survey_id", "n")
    )
    return [
        Row(
            label=s.wave or s.title,
            survey=s,
            current=s.pk == survey.pk,
            responses=responses.get(s.pk, 0),
            satisfaction=st.satisfaction(counts[s.pk]),
            awareness=st.awareness(counts[s.pk]),
        )
        for s in surveys
    ]


def satisfaction_by_region(survey: Survey) -> dict[int, float]:
    """{region id: satisfaction rate in percent (0–100)} for the counties with answers to
    the survey's satisfaction questions: what the assessment scores counties by."""
    counts = defaultdict(_counts)
    for row in (
        Answer.objects.filter(question__survey=survey, choice__key__in=st.SATISFACTION_KEYS)
        .values("response__region_id", "choice__key")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[row["response__region_id"]][row["choice__key"]] += row["n"]
    rates = {}
    for region_id, table in counts.items():
        measured = st.satisfaction(table)
        if measured.n:
            rates[region_id] = round(measured.percent, 2)
    return rates


# "2025年度", "2025年第二批": the year a wave names.
WAVE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def survey_of_year(plan, year: int) -> Survey | None:
    """The plan's survey of ``year`` (not a draft): the one whose wave names the year
    ("2025年度"), else the latest that opened in the year. The wave decides because a
    year's survey is often held at its turn (the 2025 wave opening in December 2025 or
    January 2026, beside the annual report written then); matching by the opening date
    alone missed it, and the draft said 本年度未开展测评 beside a survey of 624 answers."""
    surveys = list(
        Survey.objects.filter(plan=plan)
        .exclude(state=Survey.State.DRAFT)
        .order_by("-opens_on", "-pk")
    )
    named = [s for s in surveys if _wave_year(s.wave) == year]
    if named:
        return named[0]
    return next(
        (
            s
            for s in surveys
            if _wave_year(s.wave) is None and s.opens_on is not None and s.opens_on.year == year
        ),
        None,
    )


def _wave_year(wave: str) -> int | None:
    found = WAVE_YEAR.search(wave or "")
    return int(found.group(1)) if found else None


def satisfaction_summary(plan, year: int) -> dict | None:
    """The year's satisfaction survey of ``plan`` (survey_of_year) in figures, for the
    annual report, or None.

    {"survey": title, "responses": n, "open": still collecting, "satisfaction": {"rate",
    "low", "high", "target"}, "awareness": {...}}; rates are fractions (0.9), targets
    percents as the plan prints."""
    survey = survey_of_year(plan, year)
    if survey is None:
        return None
    found = results(survey)
    return {
        "survey": survey.title,
        "responses": found.responses,
        "open": survey.state == Survey.State.OPEN,
        "satisfaction": _summary_rate(found.satisfaction, found.satisfaction_target),
        "awareness": _summary_rate(found.awareness, found.awareness_target),
    }


def _summary_rate(measured: st.Proportion, target: float | None) -> dict | None:
    if not measured.n:
        return None
    return {"rate": measured.rate, "low": measured.low, "high": measured.high, "target": target}
