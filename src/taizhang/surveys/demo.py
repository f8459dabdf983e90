"""Demo surveys for `make run`: two waves of the 法治社会 template on an organisation's
plan (last year's closed, this year's collecting), with quotas and simulated responses
drawn from a fixed seed, so the results pages have something true to show."""

from __future__ import annotations

import datetime
import random
from typing import NamedTuple

from django.db import transaction

from taizhang.audit.bulk import insert_rows
from taizhang.surveys import services
from taizhang.surveys.models import AgeBand, Answer, Gender, Occupation, Question, Response
from taizhang.surveys.responding import regions_of

SUGGESTIONS = (
    "希望多到村里开展普法讲座，讲讲土地承包和婚姻家庭方面的法律。",
    "法律援助申请的材料能否再简化一些。",
    "调解员很负责，邻里纠纷很快就解决了。",
    "12348热线有时打不通，建议增加接线人员。",
    "建议在短视频平台多发布以案释法的内容。",
    "执法人员态度很好，但办事流程还可以更透明。",
    "希望社区法律顾问每周固定时间坐班。",
)


@transaction.atomic
def load(organisation, plan, actor, today: datetime.date, seed: int = 2025) -> list:
    """Create the two waves (this year's opened 20 days before ``today``); returns them
    oldest first."""
    year = today.year
    chance = random.Random(seed)
    waves = []
    for offset, (wave, closed, base) in enumerate(
        ((f"{year - 1}年度", True, 0.80), (f"{year}年度", False, 0.87))
    ):
        survey = services.create_survey(
            actor,
            organisation,
            {
                "title": "法治社会建设群众满意度和知晓率测评",
                "wave": wave,
                "plan": plan,
                "opens_on": today - datetime.timedelta(days=365 * (1 - offset) + 20),
                "closes_on": today - datetime.timedelta(days=365 * (1 - offset) - 40),
            },
            "template",
        )
        regions = list(regions_of(survey))
        services.set_quotas(survey, actor, {r.pk: 60 for r in regions}, regions)
        services.set_state(survey, actor, "open")
        _simulate(survey, regions, chance, base)
        if closed:
            services.set_state(survey, actor, "closed")
        waves.append(survey)
    return waves


def _simulate(survey, regions, chance, base) -> None:
    # each question read once: 30,000 answers are drawn from these
    questions = [
        Asked(q.pk, q.kind, q.required, [choice.pk for choice in q.choices.all()])
        for q in survey.questions.prefetch_related("choices")
    ]
    ages, genders, occupations = ([*c.values, ""] for c in (AgeBand, Gender, Occupation))
    responses, picks = [], []  # picks: (response, question id, choice id, text)
    for index, region in enumerate(regions):
        leaning = base + chance.uniform(-0.08, 0.08)
        for number in range(chance.randint(38, 64)):
            response = Response(
                survey=survey,
                region=region,
                township="",
                device_hash=f"demo-{survey.pk}-{index}-{number}",
                age_band=chance.choice(ages),
                gender=chance.choice(genders),
                occupation=chance.choice(occupations),
            )
            responses.append(response)
            for question in questions:
                picks += [(response, *pick) for pick in _answer(question, chance, leaning)]
    Response.objects.bulk_create(responses, batch_size=2000)
    # by ids, once the responses have theirs: 30,000 answers written as plain rows
    insert_rows(
        Answer,
        ("response", "question", "choice", "text"),
        ((response.pk, question, choice, text) for response, question, choice, text in picks),
    )


class Asked(NamedTuple):
    pk: int
    kind: str
    required: bool
    choices: list[int]  # the choices' ids, in their order


def _answer(question: Asked, chance, leaning) -> list[tuple[int, int | None, str]]:
    """The (question id, choice id, text) of one respondent's answers to ``question``."""
    choices, q = question.choices, question.pk
    if question.kind == Question.Kind.TEXT:
        if chance.random() < 0.15:
            return [(q, None, chance.choice(SUGGESTIONS))]
        return []
    if question.kind == Question.Kind.SATISFACTION:
        draw = chance.random()
        index = 0 if draw < leaning * 0.45 else 1 if draw < leaning else chance.choice([2, 2, 3, 4])
        return [(q, choices[index], "")]
    if question.kind == Question.Kind.AWARENESS:
        index = 0 if chance.random() < leaning + 0.05 else 1
        return [(q, choices[index], "")]
    if not question.required and chance.random() < 0.2:
        return []
    if question.kind == Question.Kind.MULTIPLE:
        picked = chance.sample(choices, chance.randint(1, 3))
        return [(q, c, "") for c in picked]
    return [(q, chance.choice(choices), "")]
