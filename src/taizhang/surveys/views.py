"""The office's survey pages: the list, a questionnaire and its questions, quotas and
collection state, the printable QR poster, a preview, the results and their export, and
the free-text answers. Changes go through surveys.services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from taizhang.accounts.models import Role
from taizhang.plans.scoping import visible_plans
from taizhang.surveys import access, qr, services
from taizhang.surveys.export import results_workbook
from taizhang.surveys.forms import NewSurveyForm, QuestionForm, SurveyForm
from taizhang.surveys.models import Answer, Question, Survey
from taizhang.surveys.public_views import form_context
from taizhang.surveys.responding import regions_of
from taizhang.surveys.results import results
from taizhang.web.downloads import XLSX, attachment

OFFICE_ONLY = "只有依法治理办可以编制和管理问卷。"


def _errors(error: ValidationError) -> str:
    return "；".join(error.messages)


def _readable(request, survey_id) -> Survey:
    survey = access.survey(request.user, survey_id)
    access.require(request.user, "surveys.view_survey", survey)
    return survey


def _changeable(request, survey_id) -> Survey:
    survey = access.survey(request.user, survey_id)
    access.require(request.user, "surveys.change_survey", survey, OFFICE_ONLY)
    return survey


def _back(survey, anchor=""):
    return redirect(reverse("surveys:survey", kwargs={"survey_id": survey.pk}) + anchor)


class SurveyListView(LoginRequiredMixin, View):
    """Every survey of the organisation; the office starts new ones here."""

    def get(self, request):
        access.require(request.user, "surveys.view_surveys")
        return self.page(request, self.form(request))

    def post(self, request):
        access.require(request.user, "surveys.create_survey", None, OFFICE_ONLY)
        form = self.form(request, request.POST)
        if form.is_valid():
            try:
                survey = services.create_survey(
                    request.user, request.user.organisation, form.values(), form.source()
                )
            except ValidationError as error:
                form.add_error(None, _errors(error))
            else:
                messages.success(request, f"已创建问卷“{survey.title}”，请检查题目后发布。")
                return _back(survey)
        return self.page(request, form, status=400)

    def surveys(self, user):
        surveys = Survey.objects.select_related("plan").annotate(
            response_count=Count("responses", distinct=True),
            question_count=Count("questions", distinct=True),
        )
        if user.role != Role.SYSTEM_ADMIN:
            surveys = surveys.filter(organisation_id=user.organisation_id)
        return surveys.order_by("-created_at", "-pk")

    def form(self, request, data=None):
        user = request.user
        if not access.may(user, "surveys.create_survey") or user.organisation_id is None:
            return None
        plans = visible_plans(user).order_by("-created_at")
        surveys = Survey.objects.filter(organisation_id=user.organisation_id).order_by("-pk")
        form = NewSurveyForm(data, plans=plans, surveys=list(surveys[:20]))
        if data is None and len(only := list(plans[:2])) == 1:
            form.initial["plan"] = only[0]
        return form

    def page(self, request, form, status=200):
        return render(
            request,
            "surveys/list.html",
            {"surveys": self.surveys(request.user), "form": form},
            status=status,
        )


class SurveyView(LoginRequiredMixin, View):
    """A questionnaire: settings, questions (edit, reorder, delete), quotas, state."""

    def get(self, request, survey_id):
        survey = _readable(request, survey_id)
        return self.page(request, survey)

    def page(self, request, survey, question_form=None, status=200):
        can_change = access.may(request.user, "surveys.change_survey", survey)
        questions = list(survey.questions.select_related("chapter").prefetch_related("choices"))
        responses = survey.responses.count()
        quotas = dict(survey.quotas.values_list("region_id", "target"))
        regions = [(region, quotas.get(region.pk)) for region in regions_of(survey)]
        if can_change and question_form is None and not responses:
            question_form = QuestionForm(survey=survey)
        return render(
            request,
            "surveys/survey.html",
            {
                "survey": survey,
                "questions": questions,
                "responses": responses,
                "frozen": responses > 0,
                "regions": regions,
                "quota_total": sum(q or 0 for _, q in regions),
                "can_change": can_change,
                "question_form": question_form if can_change and not responses else None,
                "public_url": qr.public_url(request, survey),
                "transitions": services.TRANSITIONS.get(survey.state, ()),
            },
            status=status,
        )


class SurveyEditView(LoginRequiredMixin, View):
    def get(self, request, survey_id):
        survey = _changeable(request, survey_id)
        return self.page(request, survey, self.form(request, survey))

    def post(self, request, survey_id):
        survey = _changeable(request, survey_id)
        form = self.form(request, survey, request.POST)
        if form.is_valid():
            try:
                services.update_survey(survey, request.user, form.values())
            except ValidationError as error:
                form.add_error(None, _errors(error))
            else:
                messages.success(request, "问卷信息已保存。")
                return _back(survey)
        return self.page(request, survey, form, status=400)

    def form(self, request, survey, data=None):
        plans = visible_plans(request.user).order_by("-created_at")
        return SurveyForm(data, instance=survey if data is None else None, plans=plans)

    def page(self, request, survey, form, status=200):
        return render(
            request, "surveys/survey_edit.html", {"survey": survey, "form": form}, status=status
        )


class QuestionAddView(LoginRequiredMixin, View):
    def get(self, request, survey_id):
        survey = _changeable(request, survey_id)
        return _back(survey, "#new-question")

    def post(self, request, survey_id):
        survey = _changeable(request, survey_id)
        form = QuestionForm(request.POST, survey=survey)
        if form.is_valid():
            try:
                services.add_question(survey, request.user, form.values())
            except ValidationError as error:
                messages.error(request, _errors(error))
                if survey.responses.exists():
                    return _back(survey)
                form.add_error(None, _errors(error))
            else:
                messages.success(request, "已添加题目。")
                return _back(survey, "#questions")
        return SurveyView().page(request, survey, question_form=form, status=400)


class QuestionView(LoginRequiredMixin, View):
    """One question's edit form."""

    def get(self, request, survey_id, question_id):
        survey = _changeable(request, survey_id)
        question = access.question(survey, question_id)
        return self.page(request, survey, question, QuestionForm.for_question(question))

    def post(self, request, survey_id, question_id):
        survey = _changeable(request, survey_id)
        question = access.question(survey, question_id)
        form = QuestionForm.for_question(question, request.POST)
        if form.is_valid():
            try:
                services.update_question(question, request.user, form.values())
            except ValidationError as error:
                form.add_error(None, _errors(error))
            else:
                messages.success(request, "题目已保存。")
                return _back(survey, "#questions")
        return self.page(request, survey, question, form, status=400)

    def page(self, request, survey, question, form, status=200):
        number = survey.questions.filter(position__lt=question.position).count() + 1
        return render(
            request,
            "surveys/question.html",
            {
                "survey": survey,
                "question": question,
                "number": number,
                "form": form,
                "frozen": survey.responses.exists(),
            },
            status=status,
        )


class QuestionMoveView(LoginRequiredMixin, View):
    def post(self, request, survey_id, question_id):
        survey = _changeable(request, survey_id)
        question = access.question(survey, question_id)
        try:
            services.move_question(question, request.user, request.POST.get("direction", ""))
        except ValidationError as error:
            messages.error(request, _errors(error))
        return _back(survey, "#questions")


class QuestionDeleteView(LoginRequiredMixin, View):
    def post(self, request, survey_id, question_id):
        survey = _changeable(request, survey_id)
        question = access.question(survey, question_id)
        try:
            services.delete_question(question, request.user)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, f"已删除题目“{question.text[:30]}”。")
        return _back(survey, "#questions")


class QuotaView(LoginRequiredMixin, View):
    """The planned number of responses per county, set in one form."""

    def post(self, request, survey_id):
        survey = _changeable(request, survey_id)
        regions = list(regions_of(survey))
        targets = {}
        for region in regions:
            raw = request.POST.get(f"quota_{region.pk}", "").strip()
            if not raw:
                targets[region.pk] = None
                continue
            if not raw.isdigit() or int(raw) > 1_000_000:
                messages.error(request, f"{region.name}的计划样本量须为不小于0的整数。")
                return _back(survey, "#quotas")
            targets[region.pk] = int(raw)
        try:
            services.set_quotas(survey, request.user, targets, regions)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, "计划样本量已保存。")
        return _back(survey, "#quotas")


class StateView(LoginRequiredMixin, View):
    LABELS = {
        Survey.State.OPEN: "问卷已发布，群众可通过链接或二维码填写。",
        Survey.State.CLOSED: "问卷已结束收集。",
    }

    def post(self, request, survey_id):
        survey = _changeable(request, survey_id)
        state = request.POST.get("state", "")
        try:
            services.set_state(survey, request.user, state)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, self.LABELS.get(state, "状态已更新。"))
        return _back(survey)


class PosterView(LoginRequiredMixin, View):
    """A printable A4 page: title, the QR code and the link, for notice boards and service
    windows."""

    def get(self, request, survey_id):
        survey = _readable(request, survey_id)
        url = qr.public_url(request, survey)
        return render(
            request,
            "surveys/poster.html",
            {"survey": survey, "public_url": url, "qr_svg": qr.svg(url, scale=8)},
        )


class PreviewView(LoginRequiredMixin, View):
    """The public form as respondents will see it, without taking answers."""

    def get(self, request, survey_id):
        survey = _readable(request, survey_id)
        return render(request, "surveys/answer.html", form_context(survey, preview=True))


class ResultsView(LoginRequiredMixin, View):
    def get(self, request, survey_id):
        survey = _readable(request, survey_id)
        return render(request, "surveys/results.html", {"survey": survey, "r": results(survey)})


class ExportView(LoginRequiredMixin, View):
    def get(self, request, survey_id):
        survey = _readable(request, survey_id)
        response = HttpResponse(results_workbook(results(survey)), content_type=XLSX)
        today = timezone.localdate()
        response["Content-Disposition"] = attachment(
            f"{survey}测评结果（{today.year}年{today.month}月{today.day}日）.xlsx",
            f"survey-{survey.pk}-{today:%Y%m%d}.xlsx",
        )
        return response


class TextAnswersView(LoginRequiredMixin, View):
    """The free-text answers, searchable by words and filterable by question and county."""

    PER_PAGE = 50

    def get(self, request, survey_id):
        survey = _readable(request, survey_id)
        questions = list(survey.questions.filter(kind=Question.Kind.TEXT))
        regions = list(regions_of(survey))
        answers = (
            Answer.objects.filter(question__survey=survey, question__kind=Question.Kind.TEXT)
            .exclude(text="")
            .select_related("question", "response__region")
            .order_by("-response__created_at", "-pk")
        )
        words = request.GET.get("q", "").strip()[:100]
        for word in words.split():
            answers = answers.filter(
                Q(text__icontains=word) | Q(response__township__icontains=word)
            )
        question_id = request.GET.get("question", "")
        if question_id.isdigit():
            answers = answers.filter(question_id=int(question_id))
        region_id = request.GET.get("region", "")
        if region_id.isdigit():
            answers = answers.filter(response__region_id=int(region_id))
        page = Paginator(answers, self.PER_PAGE).get_page(request.GET.get("page"))
        numbers = {q.pk: n for n, q in enumerate(survey.questions.all(), start=1)}
        page.object_list = list(page.object_list)
        for answer in page.object_list:
            answer.number = numbers.get(answer.question_id)
        return render(
            request,
            "surveys/texts.html",
            {
                "survey": survey,
                "page": page,
                "questions": questions,
                "regions": regions,
                "words": words,
                "question_id": question_id,
                "region_id": region_id,
                "query": _query_without_page(request),
            },
        )


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
