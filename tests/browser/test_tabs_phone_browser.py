"""Every tab strip on a phone (the demo deployment, 390x844): the strips wrap onto lines, so
each tab lies within the window's width and none hides off the side of a strip that scrolls
sideways (the ledger's 督办事项 once did; tests/browser/test_ledger_browser.py clicks it)."""

import pytest
from django.urls import reverse

from tests.browser.conftest import log_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def pages_with_tabs(office) -> list[str]:
    """The pages of the office's organisation that show a strip of tabs (templates with
    ``class="tabs"``): the ledger, the board and its two lists, the dashboard's 本级/县级,
    the assessment, the survey, messages, the directory and the accounts."""
    from taizhang.assessment.models import Scheme
    from taizhang.plans.models import Plan
    from taizhang.surveys.models import Survey

    plan = Plan.objects.filter(organisation=office.organisation, children__isnull=False).first()
    scheme = Scheme.objects.filter(organisation=office.organisation).first()
    survey = Survey.objects.filter(organisation=office.organisation).first()
    on_plan = {"plan_id": plan.pk}
    return [
        reverse("ledger:ledger", kwargs=on_plan),
        reverse("supervision:board", kwargs=on_plan),
        reverse("supervision:targets", kwargs=on_plan),
        reverse("supervision:duties", kwargs=on_plan),
        reverse("dashboards:plan", kwargs=on_plan),
        reverse("assessment:ranking", kwargs={"scheme_id": scheme.pk}),
        reverse("surveys:results", kwargs={"survey_id": survey.pk}),
        reverse("notifications:messages"),
        reverse("notifications:log"),
        reverse("directory:directory"),
        reverse("people:people"),
    ]


def tabs_out_of_sight(page) -> list[str]:
    """Each tab whose box runs past either side of the window, and each strip wider than
    its box (a strip that scrolls sideways)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('nav.tabs')].flatMap(nav => [
            ...(nav.scrollWidth > nav.clientWidth ? [nav.getAttribute('aria-label')] : []),
            ...[...nav.querySelectorAll('a')]
                .filter(a => a.getBoundingClientRect().left < 0
                    || a.getBoundingClientRect().right > window.innerWidth)
                .map(a => a.textContent.trim())])"""
    )


def test_on_a_phone_every_tab_of_every_strip_is_within_the_window(phone_page, demo):
    office = demo["qn_office"]
    log_in(phone_page, office, PASSWORD)
    for url in pages_with_tabs(office):
        phone_page.goto(url)
        assert phone_page.locator("nav.tabs").count() > 0, url
        assert tabs_out_of_sight(phone_page) == [], url
