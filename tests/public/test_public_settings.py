"""The office's page that decides what the public sees."""

from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.public.models import FIELDS, Publication


def settings_url(plan):
    return reverse("public:settings", kwargs={"plan_id": plan.pk})


def test_the_office_sees_the_defaults_of_a_plan_never_published(client, world):
    client.force_login(world.people["office"])
    response = client.get(settings_url(world.plan))
    html = response.content.decode()
    assert response.status_code == 200
    assert "未公开" in html
    form = response.context["form"]
    assert form["show_text"].value() is True
    assert form["show_narrative"].value() is False
    assert form["published"].value() is False


def test_the_office_publishes_the_chosen_fields(client, world):
    client.force_login(world.people["office"])
    response = client.post(
        settings_url(world.plan), {"published": "on", "show_text": "on", "show_status": "on"}
    )
    publication = Publication.objects.get(plan=world.plan)
    assert response.status_code == 302
    assert publication.published
    assert [name for name in FIELDS if getattr(publication, name)] == ["show_text", "show_status"]
    assert AuditEntry.objects.filter(object_type="publication").count() == 1


def test_after_saving_the_page_links_to_the_public_page(client, world):
    client.force_login(world.people["office"])
    response = client.post(
        settings_url(world.plan), {"published": "on", "show_text": "on"}, follow=True
    )
    html = response.content.decode()
    assert "已保存公开设置" in html
    assert reverse("public:plan", kwargs={"plan_id": world.plan.pk}) in html


def test_publishing_nothing_gets_one_clear_message_and_saves_nothing(client, world):
    client.force_login(world.people["office"])
    response = client.post(settings_url(world.plan), {"published": "on"})
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count("向社会公开时，请至少选择一项公开内容。") == 1
    assert not Publication.objects.exists()


def test_unpublishing_takes_the_page_down(client, world):
    client.force_login(world.people["office"])
    client.post(settings_url(world.plan), {"published": "on", "show_text": "on"})
    client.post(settings_url(world.plan), {"show_text": "on"})
    client.logout()
    response = client.get(reverse("public:plan", kwargs={"plan_id": world.plan.pk}))
    assert response.status_code == 404


def test_a_liaison_may_not_change_what_is_public(client, world):
    client.force_login(world.people["liaison"])
    response = client.post(settings_url(world.plan), {"published": "on", "show_text": "on"})
    assert response.status_code == 403
    assert not Publication.objects.exists()


def test_another_organisations_office_is_told_the_plan_does_not_exist(client, world):
    client.force_login(world.people["outsider"])
    assert client.get(settings_url(world.plan)).status_code == 404


def test_anonymous_people_are_sent_to_log_in(client, world):
    response = client.get(settings_url(world.plan))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
