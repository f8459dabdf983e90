"""Surveys and responses for tests, built through the write paths (questionnaires) and
directly (responses: what the public form would have saved)."""

from __future__ import annotations

import itertools

from taizhang.surveys import services
from taizhang.surveys.models import Answer, Question, Response, Survey

_devices = itertools.count(1)


def survey_with(organisation, plan=None, kinds=("satisfaction",), state="open", **fields):
    """A survey with one question of each of ``kinds`` (texts 问题1, 问题2…)."""
    data = {"title": fields.pop("title", "法治社会建设满意度测评"), "plan": plan, **fields}
    survey = services.create_survey(None, organisation, data)
    for number, kind in enumerate(kinds, start=1):
        choices = ["甲", "乙", "丙"] if kind in ("single", "multiple") else []
        services.add_question(
            survey,
            None,
            {"kind": kind, "text": f"问题{number}", "required": True, "choices": choices},
        )
    if state != "draft":
        services.set_state(survey, None, Survey.State.OPEN)
        if state == "closed":
            services.set_state(survey, None, Survey.State.CLOSED)
    survey.refresh_from_db()
    return survey


def open_survey(organisation, plan=None):
    return survey_with(organisation, plan)


def respond(survey, region, answers=None, **demographics) -> Response:
    """A response from ``region``. ``answers`` maps a question (or its 1-based number) to a
    scale key ("satisfied", "aware"…), an option label, a list of labels, or a text."""
    questions = list(survey.questions.prefetch_related("choices"))
    response = Response.objects.create(
        survey=survey, region=region, device_hash=f"device-{next(_devices)}", **demographics
    )
    rows = []
    for question, value in (answers or {}).items():
        if isinstance(question, int):
            question = questions[question - 1]
        if question.kind == Question.Kind.TEXT:
            rows.append(Answer(response=response, question=question, text=value))
            continue
        for item in value if isinstance(value, list) else [value]:
            choice = next(c for c in question.choices.all() if item in (c.key, c.label))
            rows.append(Answer(response=response, question=question, choice=choice))
    Answer.objects.bulk_create(rows)
    return response
