"""The public progress page on a phone: someone without an account opens a published
plan and sees its measures, status and targets, and nothing internal (the returned
report's comment, the evidence, the assessment score, staff names, drafts)."""

import pytest

from tests.browser.conftest import screenshot
from tests.public.scenes import ACCEPTED_NARRATIVE, FIRST_TEXT, PLAN_TITLE, SECRETS, build, publish

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def scene(world):
    scene = build(world)
    publish(
        scene.plan,
        world.people["office"],
        show_narrative=True,
        show_responsible_units=False,
    )
    return scene


def test_the_public_page_on_a_phone_shows_only_the_public_fields(scene, phone_page):
    page = phone_page
    page.goto("/public/")
    with page.expect_navigation():
        page.get_by_role("link", name=PLAN_TITLE).click()

    assert page.locator("h1").inner_text().startswith(PLAN_TITLE)
    first = page.locator("#measure-1")
    assert FIRST_TEXT in first.inner_text()
    assert first.locator(".badge").first.inner_text() == "已完成"
    assert "州司法局" in first.inner_text()
    assert ACCEPTED_NARRATIVE in first.inner_text()
    assert "进度滞后" in first.locator("table").inner_text()

    text = page.locator("body").inner_text()
    html = page.content()
    for secret in SECRETS.values():
        assert secret not in html, secret
    assert "责任单位" not in text  # kept internal by the office's choice
    assert "州教育局" not in text

    # Readable on a phone: nothing wider than the screen.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    screenshot(page, "public-page")
