"""The public questionnaire as the template draws it: each question with its options,
stable element ids for people and tests (question-3, question-3-choice-2,
question-3-text), what was ticked before a rejected submission, and each error."""

from __future__ import annotations

from dataclasses import dataclass, field

from taizhang.surveys.models import AgeBand, Gender, Occupation, Question
from taizhang.surveys.responding import DEMOGRAPHICS, HONEYPOT, field_name


@dataclass
class FormChoice:
    id: str
    value: int
    label: str
    checked: bool


@dataclass
class FormQuestion:
    question: Question
    number: int
    name: str
    id: str
    input_type: str  # radio | checkbox | text
    choices: list[FormChoice] = field(default_factory=list)
    text: str = ""
    error: str = ""


@dataclass
class Select:
    name: str
    label: str
    options: list[tuple[str, str]]
    value: str = ""
    error: str = ""


def questions(items, posted=None, errors=None) -> list[FormQuestion]:
    posted, errors = posted or {}, errors or {}
    found = []
    for number, question in enumerate(items, start=1):
        name = field_name(question)
        picked = set(posted.getlist(name)) if hasattr(posted, "getlist") else set()
        element = f"question-{number}"
        kind = question.kind
        item = FormQuestion(
            question=question,
            number=number,
            name=name,
            id=element,
            input_type="text"
            if kind == Question.Kind.TEXT
            else "checkbox"
            if kind == Question.Kind.MULTIPLE
            else "radio",
            error=errors.get(name, ""),
        )
        if kind == Question.Kind.TEXT:
            item.text = posted.get(name, "") if posted else ""
        else:
            item.choices = [
                FormChoice(f"{element}-choice-{k}", c.pk, c.label, str(c.pk) in picked)
                for k, c in enumerate(question.choices.all(), start=1)
            ]
        found.append(item)
    return found


def respondent(regions, posted=None, errors=None) -> dict:
    posted, errors = posted or {}, errors or {}
    labels = {"age_band": "年龄", "gender": "性别", "occupation": "职业"}
    kinds = {"age_band": AgeBand, "gender": Gender, "occupation": Occupation}
    return {
        "region": Select(
            "region",
            "所在县(市、区)",
            [(str(r.pk), r.name) for r in regions],
            posted.get("region", ""),
            errors.get("region", ""),
        ),
        "township": posted.get("township", ""),
        "township_error": errors.get("township", ""),
        "demographics": [
            Select(
                name,
                labels[name],
                list(kinds[name].choices),
                posted.get(name, ""),
                errors.get(name, ""),
            )
            for name in DEMOGRAPHICS
        ],
        "honeypot": HONEYPOT,
    }
