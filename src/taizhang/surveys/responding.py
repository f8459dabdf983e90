"""Taking a public response: which counties a respondent may name, reading the posted form
strictly (every answer checked against the questionnaire), and saving it whole or not at
all. Responses are not audited one by one; the results count them."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from taizhang.surveys.models import AgeBand, Answer, Gender, Occupation, Question, Response, Survey
from taizhang.units.models import Region

HONEYPOT = "website"  # hidden from people; bots that fill every field fill it
TEXT_LIMIT = 2000
DEMOGRAPHICS = {"age_band": AgeBand, "gender": Gender, "occupation": Occupation}


def regions_of(survey: Survey):
    """The counties a respondent picks from: the plan's own county for a county plan, else
    the organisation's counties (or its top region when it has none)."""
    plan = survey.plan
    if plan is not None and plan.region.level == Region.Level.COUNTY:
        return Region.objects.filter(pk=plan.region_id)
    regions = Region.objects.filter(organisation_id=survey.organisation_id)
    counties = regions.filter(level=Region.Level.COUNTY)
    if counties.exists():
        return counties.order_by("pk")
    return regions.filter(level=Region.Level.PREFECTURE).order_by("pk")


def field_name(question: Question) -> str:
    return f"q{question.pk}"


class Rejected(Exception):
    """The submission cannot be taken. ``errors`` maps form field names to messages."""

    def __init__(self, message: str, errors: dict | None = None, status: int = 400):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}
        self.status = status


@dataclass
class Submission:
    region: Region
    township: str = ""
    demographics: dict = field(default_factory=dict)
    answers: list = field(default_factory=list)  # Answer objects, not saved


def summary(errors: dict) -> str:
    """One message for the top of the form: the first problem, and how many there are."""
    messages = list(errors.values())
    more = f"（共{len(messages)}处需要修改，已在下方标出）" if len(messages) > 1 else ""
    return f"提交未成功：{messages[0]}{more}"


def parse(survey: Survey, questions, regions, data) -> Submission:
    """The posted form as a Submission, or Rejected listing every problem. ``questions``
    come with their choices prefetched; ``data`` is request.POST."""
    if data.get(HONEYPOT, ""):
        raise Rejected("提交未通过校验，请刷新页面后重新填写。")
    errors: dict[str, str] = {}
    region = _region(data, regions, errors)
    township = (data.get("township") or "").strip()
    if len(township) > 50:
        errors["township"] = "乡镇(街道)名称不超过50字。"
    demographics = {}
    for name, choices in DEMOGRAPHICS.items():
        value = data.get(name, "")
        if value and value not in choices.values:
            errors[name] = "个人情况的选项无效，请重新选择。"
        demographics[name] = value if value in choices.values else ""
    answers = []
    for number, question in enumerate(questions, start=1):
        answers += _answers(question, number, data.getlist(field_name(question)), errors)
    if errors:
        raise Rejected(summary(errors), errors)
    return Submission(region, township, demographics, answers)


def _region(data, regions, errors) -> Region | None:
    value = data.get("region", "")
    if not value:
        errors["region"] = "请选择您所在的县(市、区)。"
        return None
    found = next((r for r in regions if str(r.pk) == value), None)
    if found is None:
        errors["region"] = "所选县(市、区)无效，请重新选择。"
    return found


def _answers(question: Question, number: int, values: list[str], errors: dict) -> list[Answer]:
    name = field_name(question)
    if question.kind == Question.Kind.TEXT:
        if len(values) > 1:
            errors[name] = f"第{number}题的回答格式不正确。"
            return []
        text = (values[0] if values else "").strip()
        if len(text) > TEXT_LIMIT:
            errors[name] = f"第{number}题的回答不超过{TEXT_LIMIT}字。"
        elif not text and question.required:
            errors[name] = f"第{number}题为必答题，请填写。"
        return [Answer(question=question, text=text)] if text else []
    picked = list(dict.fromkeys(value for value in values if value))
    if not picked:
        if question.required:
            errors[name] = f"第{number}题为必答题，请选择。"
        return []
    if question.kind != Question.Kind.MULTIPLE and len(picked) > 1:
        errors[name] = f"第{number}题只能选择一项。"
        return []
    choices = {str(choice.pk): choice for choice in question.choices.all()}
    if any(value not in choices for value in picked):
        errors[name] = f"第{number}题的选项无效，请刷新页面后重新选择。"
        return []
    return [Answer(question=question, choice=choices[value]) for value in picked]


class AlreadyAnswered(Exception):
    pass


def accepting(survey: Survey, today=None) -> str:
    """Why the survey takes no responses now ("" when it does)."""
    today = today or timezone.localdate()
    if survey.state == Survey.State.DRAFT:
        return "本问卷尚未发布。"
    if survey.state == Survey.State.CLOSED:
        return "本次测评已结束，感谢您的关注。"
    if survey.opens_on and today < survey.opens_on:
        return f"本次测评将于{survey.opens_on:%Y年%m月%d日}开始，请届时参与。"
    if survey.closes_on and today > survey.closes_on:
        return "本次测评已结束，感谢您的关注。"
    return ""


@transaction.atomic
def submit(survey: Survey, device: str, submission: Submission) -> Response:
    """Save the response and its answers in one transaction; AlreadyAnswered when the
    device's token was burned before (a replay, or a second response)."""
    try:
        with transaction.atomic():
            response = Response.objects.create(
                survey=survey,
                region=submission.region,
                township=submission.township,
                device_hash=device,
                **submission.demographics,
            )
    except IntegrityError as error:
        raise AlreadyAnswered from error
    for answer in submission.answers:
        answer.response = response
    Answer.objects.bulk_create(submission.answers)
    return response


def answered(survey: Survey, device: str) -> bool:
    return Response.objects.filter(survey=survey, device_hash=device).exists()
