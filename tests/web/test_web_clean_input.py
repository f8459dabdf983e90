"""Control characters never reach the database: a survey answer, a report typed in the
form and a report sent to the API are stored without them (NUL made PostgreSQL refuse the
survey submission; the others made every later .xlsx export of them fail)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from taizhang.plans.models import Assignment
from taizhang.reporting.models import ProgressReport
from taizhang.surveys.models import Answer, Response
from taizhang.web.text import clean, clean_data
from tests.reporting.conftest import report_form
from tests.surveys.builders import survey_with

pytestmark = pytest.mark.django_db

DIRTY = "希望\x00多开展\x01送法\x0b进村\x1f活动\ufffe。\t第二段\r\n"
CLEAN = "希望多开展送法进村活动。\t第二段\r\n"


def test_clean_keeps_tabs_and_line_breaks_and_drops_the_rest():
    assert clean(DIRTY) == CLEAN
    assert clean("孤立\ud800代理") == "孤立代理"
    assert clean_data({"a\x00": [DIRTY, 3, None]}) == {"a": [CLEAN, 3, None]}


def test_a_survey_answer_is_saved_clean_and_the_results_export(client, world):
    survey = survey_with(world.organisation, world.plan, kinds=("satisfaction", "text"))
    questions = list(survey.questions.order_by("position"))
    url = reverse("surveys:answer", kwargs={"survey_token": survey.token})
    client.get(url)
    sent = client.post(
        url,
        {
            "region": str(world.county.pk),
            "township": "某\x00镇",
            f"q{questions[0].pk}": str(questions[0].choices.get(label="满意").pk),
            f"q{questions[1].pk}": DIRTY,
        },
    )
    assert sent.status_code == 302
    assert Answer.objects.get(question=questions[1]).text == CLEAN.strip()
    assert Response.objects.get().township == "某镇"
    client.force_login(world.people["office"])
    export = client.get(reverse("surveys:export", kwargs={"survey_id": survey.pk}))
    assert export.status_code == 200


def test_a_report_typed_in_the_form_is_saved_clean_and_the_audit_exports(client, world):
    assignment = Assignment.objects.get(measure=world.first, unit=world.education)
    url = reverse(
        "reporting:report",
        kwargs={"assignment_id": assignment.pk, "period_id": world.period.pk},
    )
    client.force_login(world.people["liaison"])
    client.get(url)
    assert client.post(url, report_form(narrative=DIRTY, problems="无\x07")).status_code == 302
    report = ProgressReport.objects.get()
    assert (report.narrative, report.problems) == (CLEAN.strip(), "无")
    client.force_login(world.people["office"])
    assert client.get(reverse("audit:log_export")).status_code == 200


def test_a_report_sent_to_the_api_is_saved_clean(world):
    client = APIClient()
    client.force_login(world.people["liaison"])
    body = {"measure": world.first.pk, "period": world.period.pk, "narrative": DIRTY + "\ud800"}
    # (json.dumps escapes the lone surrogate as \ud800, as a hostile client would send it)
    response = client.post(
        reverse("api:report-list"), json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert ProgressReport.objects.get().narrative == CLEAN
