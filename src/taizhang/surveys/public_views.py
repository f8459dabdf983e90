"""The public questionnaire: no login, one response per device, works without JavaScript
and on a phone. GET serves the form and a fresh signed token in a cookie; POST checks the
rate limits, the token, the honeypot and every answer, then saves the response whole or
not at all and redirects to the thanks page."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from taizhang.surveys import public_form, responding, throttle, tokens
from taizhang.surveys.models import Survey

TOO_OFTEN = "提交过于频繁，请稍后再试。"
ALREADY = "您已经参与过本次测评，每台设备只能提交一次。感谢您的支持！"


def public_survey(survey_token: str) -> Survey:
    survey = get_object_or_404(
        Survey.objects.select_related("organisation", "plan__region"), token=survey_token
    )
    if survey.state == Survey.State.DRAFT:
        raise Http404("没有找到该问卷。")
    return survey


def questions_of(survey: Survey) -> list:
    return list(survey.questions.prefetch_related("choices").order_by("position", "pk"))


def form_context(survey, posted=None, errors=None, message="", preview=False) -> dict:
    regions = list(responding.regions_of(survey))
    questions = public_form.questions(questions_of(survey), posted, errors)
    respondent = public_form.respondent(regions, posted, errors)
    invalid = [q.id for q in questions if q.error]
    if set(errors or {}) & {"region", "township", *responding.DEMOGRAPHICS}:
        invalid.insert(0, "about")
    return {
        "survey": survey,
        "questions": questions,
        "respondent": respondent,
        "message": message,
        "first_error": invalid[0] if invalid else "",
        "preview": preview,
    }


def _notice(request, survey, title: str, text: str, status: int = 200):
    return render(
        request,
        "surveys/public_notice.html",
        {"survey": survey, "title": title, "text": text},
        status=status,
    )


def _answered_before(survey, request) -> bool:
    try:
        nonce = tokens.nonce_of(survey, request.COOKIES.get(tokens.cookie_name(survey)), None)
    except tokens.BadToken:
        return False
    return responding.answered(survey, tokens.device_hash(survey, nonce))


class AnswerView(View):
    """The questionnaire at its public link."""

    def get(self, request, survey_token):
        survey = public_survey(survey_token)
        closed = responding.accepting(survey)
        if closed:
            return _notice(request, survey, "测评未在进行", closed)
        if _answered_before(survey, request):
            return _notice(request, survey, "您已参与本次测评", ALREADY)
        return self.form(request, survey)

    def form(self, request, survey, posted=None, errors=None, message="", status=200):
        address = throttle.address_hash(request)
        if not throttle.form_issued(survey, address):
            return _notice(request, survey, "请稍后再试", TOO_OFTEN, status=429)
        response = render(
            request,
            "surveys/answer.html",
            form_context(survey, posted, errors, message),
            status=status,
        )
        # A fresh token with every form served; the response that carries it burns it.
        response.set_cookie(
            tokens.cookie_name(survey),
            tokens.issue(survey, address),
            max_age=tokens.COOKIE_AGE,
            path=request.path,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
        return response

    def post(self, request, survey_token):
        survey = public_survey(survey_token)
        closed = responding.accepting(survey)
        if closed:
            return _notice(request, survey, "测评未在进行", closed, status=409)
        address = throttle.address_hash(request)
        if not throttle.attempt(survey, address):
            return _notice(request, survey, "请稍后再试", TOO_OFTEN, status=429)
        try:
            nonce = tokens.nonce_of(
                survey, request.COOKIES.get(tokens.cookie_name(survey)), address=address
            )
        except tokens.BadToken as error:
            return self.form(request, survey, request.POST, message=error.message, status=400)
        device = tokens.device_hash(survey, nonce)
        if responding.answered(survey, device):
            return _notice(request, survey, "您已参与本次测评", ALREADY, status=409)
        try:
            submission = responding.parse(
                survey,
                questions_of(survey),
                list(responding.regions_of(survey)),
                request.POST,
            )
            responding.submit(survey, device, submission)
        except responding.Rejected as error:
            return self.rejected(request, survey, error)
        except responding.AlreadyAnswered:
            return _notice(request, survey, "您已参与本次测评", ALREADY, status=409)
        throttle.accepted(survey, address)
        return redirect("surveys:thanks", survey_token=survey.token)

    def rejected(self, request, survey, error):
        # The token is still unburned: keep the cookie as it is and show the answers again.
        return render(
            request,
            "surveys/answer.html",
            form_context(survey, request.POST, error.errors, error.message),
            status=error.status,
        )


class ThanksView(View):
    def get(self, request, survey_token):
        survey = public_survey(survey_token)
        return _notice(
            request,
            survey,
            "提交成功",
            "感谢您参与本次测评！您的意见将帮助我们改进法治社会建设工作。",
        )
