"""Each demo person's day, begun as a new user would: the to-do they land on leads only to
pages they may open (a to-do item that ends in 没有权限 is a dead end), and signing out
and in as someone else in the same browser shows the new person's pages."""

from __future__ import annotations

import re

from tests.browser.conftest import click_and_wait, log_in
from tests.factories import PASSWORD

# One link of each kind is enough: the same view with another id answers by the same rule.
KIND = re.compile(r"\d+")


def _to_do_links(page) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for link in page.locator("main a[href^='/']").all():
        href = link.get_attribute("href")
        kinds.setdefault(KIND.sub("N", href.split("?")[0]), href)
    return kinds


def test_every_link_on_each_demo_person_s_to_do_opens(page, demo):
    dead = []
    for username, person in sorted(demo.items()):
        if not person.is_active or not person.organisation_id:
            continue
        log_in(page, person, PASSWORD)
        assert page.url.endswith("/todo/"), username
        for href in _to_do_links(page).values():
            status = page.request.get(href).status
            if status != 200:
                dead.append((username, href, status))
        page.context.clear_cookies()
    assert not dead, "\n".join(map(str, dead))


def test_signing_in_as_someone_else_never_shows_the_previous_person(page, demo):
    log_in(page, demo["qn_county"], PASSWORD)
    assert "陈刚" in page.locator(".who").inner_text()
    click_and_wait(page, page.locator(".who button", has_text="退出"))
    log_in(page, demo["qn_office"], PASSWORD)
    who = page.locator(".who").inner_text()
    assert "王敏" in who and "陈刚" not in who


def test_a_visitor_finds_each_demo_organisation_s_plan_published(page, demo):
    """The public visitor's walk: each demo office publishes its plan (it used to open on
    暂无公开的实施方案), and the page's completion rate is the one every page counts."""
    from django.utils import timezone

    from taizhang.plans.models import Plan
    from taizhang.reporting.status import progress

    page.goto("/public/")
    main = page.locator("main")
    published = list(Plan.objects.filter(publication__published=True))
    assert {plan.organisation_id for plan in published} == {
        person.organisation_id for person in demo.values() if person.organisation_id
    }
    for plan in published:
        rate = progress(plan, timezone.localdate()).completion().percent
        entry = main.locator("li, article, .card, div", has_text=plan.title).last
        assert f"完成率{rate}" in entry.inner_text(), plan
    click_and_wait(page, main.locator("a[href^='/public/plans/']").first)
    assert page.locator("main table").count() >= 1
