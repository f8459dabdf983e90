"""Loading what an office page is about: 404 across organisations, 403 when the person may
not do the thing (asked of the rules themselves, so the superuser gets no shortcut)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from taizhang.accounts.access import may, require  # noqa: F401 (used by the views)
from taizhang.accounts.models import Role
from taizhang.surveys.models import Question, Survey


def survey(user, survey_id: int) -> Survey:
    found = get_object_or_404(
        Survey.objects.select_related("organisation", "plan__region"), pk=survey_id
    )
    if user.role != Role.SYSTEM_ADMIN and found.organisation_id != user.organisation_id:
        raise Http404("没有找到该问卷。")
    return found


def question(survey_: Survey, question_id: int) -> Question:
    return get_object_or_404(
        Question.objects.select_related("chapter").prefetch_related("choices"),
        pk=question_id,
        survey=survey_,
    )
