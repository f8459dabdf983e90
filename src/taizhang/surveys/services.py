"""The write path of questionnaires: surveys, their questions and options, quotas and the
collection state. Every change is audited (on the survey, whose organisation it names).

Once the public has answered, the questions are frozen: changing an option under answers
already given would change what those answers mean. A new wave starts from a copy."""

from __future__ import annotations

import tomllib
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from taizhang.audit.log import record
from taizhang.surveys.models import AuditAction, Choice, Question, Quota, Survey
from taizhang.surveys.statistics import AWARENESS_SCALE, SATISFACTION_SCALE

TEMPLATE = Path(__file__).resolve().parent / "data" / "fazhi_shehui_template.toml"
FROZEN = "已有群众提交答卷，问卷题目不能再修改；如需调整，请复制本问卷开展新一期测评。"
SCALES = {Question.Kind.SATISFACTION: SATISFACTION_SCALE, Question.Kind.AWARENESS: AWARENESS_SCALE}
SURVEY_FIELDS = ("title", "intro", "wave", "opens_on", "closes_on", "plan")
QUESTION_FIELDS = ("kind", "text", "help_text", "required", "chapter")


def load_template(path: Path = TEMPLATE) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _locked(survey: Survey) -> Survey:
    return Survey.objects.select_for_update().get(pk=survey.pk)


def _editable(survey: Survey) -> Survey:
    """The survey locked for a change of its questions; refused once answered."""
    locked = _locked(survey)
    if locked.responses.exists():
        raise ValidationError(FROZEN)
    return locked


def _check_survey(organisation, data: dict) -> None:
    if not (data.get("title") or "").strip():
        raise ValidationError("请填写问卷标题。")
    plan = data.get("plan")
    if plan is not None and plan.organisation_id != organisation.pk:
        raise ValidationError("所选实施方案不属于本组织。")
    opens, closes = data.get("opens_on"), data.get("closes_on")
    if opens and closes and closes < opens:
        raise ValidationError("截止日期不能早于开始日期。")


@transaction.atomic
def create_survey(user, organisation, data: dict, start_from: str | Survey | None = None):
    """A new survey; ``start_from`` is "template" (the 法治社会 template), a survey to copy
    (a new wave), or None for an empty questionnaire."""
    _check_survey(organisation, data)
    survey = Survey.objects.create(organisation=organisation, **_survey_values(data))
    source = ""
    if start_from == "template":
        template = load_template()
        if not survey.intro:
            survey.intro = template.get("intro", "")
        for spec in template["questions"]:
            _create_question(survey, _template_question(survey, spec))
        source = "法治社会满意度和知晓率测评模板"
    elif isinstance(start_from, Survey):
        if start_from.organisation_id != organisation.pk:
            raise ValidationError("只能复制本组织的问卷。")
        _copy_questions(start_from, survey)
        source = f"复制《{start_from}》"
    survey.save()
    record(
        user,
        AuditAction.CREATE,
        survey,
        {"title": survey.title, "wave": survey.wave, "source": source or "空白问卷"},
        organisation=organisation,
    )
    return survey


def _survey_values(data: dict) -> dict:
    values = {name: data.get(name) for name in SURVEY_FIELDS}
    for name in ("title", "intro", "wave"):
        values[name] = (values[name] or "").strip()
    return values


def _template_question(survey: Survey, spec: dict) -> dict:
    chapter = None
    words = spec.get("chapter") or []
    if survey.plan_id and words:
        chapters = list(survey.plan.chapters.order_by("position"))
        chapter = next((c for c in chapters if any(word in c.title for word in words)), None)
    return {
        "kind": spec["kind"],
        "text": spec["text"],
        "help_text": spec.get("help_text", ""),
        "required": spec.get("required", True),
        "chapter": chapter,
        "choices": list(spec.get("choices", [])),
    }


def _copy_questions(source: Survey, target: Survey) -> None:
    chapters = {}
    if target.plan_id:
        chapters = {c.pk: c for c in target.plan.chapters.all()}
    for question in source.questions.prefetch_related("choices"):
        _create_question(
            target,
            {
                "kind": question.kind,
                "text": question.text,
                "help_text": question.help_text,
                "required": question.required,
                "chapter": chapters.get(question.chapter_id),
                "choices": [c.label for c in question.choices.all()],
            },
        )


@transaction.atomic
def update_survey(survey: Survey, user, data: dict) -> Survey:
    survey = _locked(survey)
    _check_survey(survey.organisation, data)
    new_plan = data.get("plan")
    if new_plan != survey.plan:
        stale = survey.questions.filter(chapter__isnull=False)
        if new_plan is not None:
            stale = stale.exclude(chapter__plan=new_plan)
        if stale.exists():
            raise ValidationError("已有题目对应原实施方案的章节，请先取消对应后再更换实施方案。")
    changes = {}
    for name, value in _survey_values(data).items():
        if getattr(survey, name) != value:
            changes[name] = [str(getattr(survey, name) or ""), str(value or "")]
            setattr(survey, name, value)
    survey.save()
    if changes:
        record(user, AuditAction.UPDATE, survey, changes, organisation=survey.organisation_id)
    return survey


def _clean_question(survey: Survey, data: dict) -> dict:
    kind = data.get("kind")
    if kind not in Question.Kind.values:
        raise ValidationError("请选择题型。")
    text = (data.get("text") or "").strip()
    if not text:
        raise ValidationError("请填写题目。")
    chapter = data.get("chapter")
    if chapter is not None and chapter.plan_id != survey.plan_id:
        raise ValidationError("所选章节不属于本问卷的实施方案。")
    choices = []
    if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        choices = [label.strip() for label in data.get("choices") or [] if label.strip()]
        if len(choices) < 2:
            raise ValidationError("单选题和多选题至少需要两个选项，每行填写一个。")
        if len(set(choices)) != len(choices):
            raise ValidationError("选项不能重复。")
        if any(len(label) > 200 for label in choices):
            raise ValidationError("每个选项不超过200字。")
    return {
        "kind": kind,
        "text": text,
        "help_text": (data.get("help_text") or "").strip(),
        "required": bool(data.get("required")),
        "chapter": chapter,
        "choices": choices,
    }


def _create_question(survey: Survey, data: dict, position: int | None = None) -> Question:
    data = _clean_question(survey, data)
    if position is None:
        last = survey.questions.aggregate(last=Max("position"))["last"]
        position = (last or 0) + 1
    question = Question.objects.create(
        survey=survey, position=position, **{name: data[name] for name in QUESTION_FIELDS}
    )
    _set_choices(question, data["choices"])
    return question


def _set_choices(question: Question, labels: list[str]) -> None:
    question.choices.all().delete()
    scale = SCALES.get(question.kind)
    rows = (
        [Choice(question=question, key=key, label=label) for key, label in scale]
        if scale
        else [Choice(question=question, label=label) for label in labels]
    )
    for position, choice in enumerate(rows, start=1):
        choice.position = position
    Choice.objects.bulk_create(rows)


def _described(question: Question) -> dict:
    return {
        "text": question.text,
        "kind": question.kind,
        "required": question.required,
        "chapter": str(question.chapter or ""),
        "options": [c.label for c in question.choices.all()],
    }


def _record(user, action, question: Question, changes: dict) -> None:
    organisation = question.survey.organisation_id
    record(user, action, question, changes, organisation=organisation)


@transaction.atomic
def add_question(survey: Survey, user, data: dict) -> Question:
    survey = _editable(survey)
    question = _create_question(survey, data)
    _record(user, AuditAction.ADD_QUESTION, question, _described(question))
    return question


@transaction.atomic
def update_question(question: Question, user, data: dict) -> Question:
    survey = _editable(question.survey)
    question = Question.objects.get(pk=question.pk, survey=survey)
    before = _described(question)
    cleaned = _clean_question(survey, data)
    for name in QUESTION_FIELDS:
        setattr(question, name, cleaned[name])
    question.save()
    _set_choices(question, cleaned["choices"])
    after = _described(question)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    if changes:
        _record(
            user, AuditAction.UPDATE_QUESTION, question, {"number": _number(question), **changes}
        )
    return question


@transaction.atomic
def delete_question(question: Question, user) -> None:
    survey = _editable(question.survey)
    question = Question.objects.get(pk=question.pk, survey=survey)
    _record(user, AuditAction.DELETE_QUESTION, question, _described(question))
    question.delete()
    _renumber(survey)


@transaction.atomic
def move_question(question: Question, user, direction: str) -> None:
    """Swap the question with its neighbour above ("up") or below ("down")."""
    survey = _editable(question.survey)
    questions = list(survey.questions.order_by("position", "pk"))
    index = next(i for i, q in enumerate(questions) if q.pk == question.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(questions):
        return
    questions[index], questions[other] = questions[other], questions[index]
    for position, item in enumerate(questions, start=1):
        item.position = position
    Question.objects.bulk_update(questions, ["position"])
    moved = questions[other]
    _record(user, AuditAction.MOVE_QUESTION, moved, {"number": [index + 1, other + 1]})


def _renumber(survey: Survey) -> None:
    questions = list(survey.questions.order_by("position", "pk"))
    for position, item in enumerate(questions, start=1):
        item.position = position
    Question.objects.bulk_update(questions, ["position"])


def _number(question: Question) -> int:
    return question.survey.questions.filter(position__lt=question.position).count() + 1


@transaction.atomic
def set_quotas(survey: Survey, user, targets: dict, regions) -> None:
    """``targets``: region -> planned number of responses (0 or None removes the quota).
    ``regions`` are the regions the survey may set quotas for."""
    survey = _locked(survey)
    allowed = {region.pk: region for region in regions}
    existing = {quota.region_id: quota for quota in survey.quotas.all()}
    changes = {}
    for region_id, target in targets.items():
        if region_id not in allowed:
            raise ValidationError("所选地区不属于本组织。")
        if target is not None and target < 0:
            raise ValidationError("计划样本量不能为负数。")
        quota = existing.get(region_id)
        before = quota.target if quota else 0
        after = target or 0
        if before == after:
            continue
        changes[allowed[region_id].name] = [before, after]
        if not after:
            quota.delete()
        elif quota:
            quota.target = after
            quota.save(update_fields=["target"])
        else:
            Quota.objects.create(survey=survey, region_id=region_id, target=after)
    if changes:
        organisation = survey.organisation_id
        record(user, AuditAction.SET_QUOTAS, survey, {"quotas": changes}, organisation=organisation)


TRANSITIONS = {
    Survey.State.DRAFT: (Survey.State.OPEN,),
    Survey.State.OPEN: (Survey.State.CLOSED,),
    Survey.State.CLOSED: (Survey.State.OPEN,),
}


@transaction.atomic
def set_state(survey: Survey, user, state: str) -> Survey:
    """Open the survey to the public, close it, or reopen it."""
    survey = _locked(survey)
    if state not in TRANSITIONS.get(survey.state, ()):
        raise ValidationError("问卷当前状态不能进行该操作。")
    if state == Survey.State.OPEN and not survey.questions.exists():
        raise ValidationError("问卷还没有题目，不能发布。")
    changes = {"state": [survey.state, state]}
    survey.state = state
    survey.save(update_fields=["state"])
    record(user, AuditAction.SET_STATE, survey, changes, organisation=survey.organisation_id)
    return survey
