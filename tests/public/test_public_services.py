"""The write path of the public settings: audited, validated, all or nothing."""

import pytest
from django.core.exceptions import ValidationError

from taizhang.audit.models import AuditEntry
from taizhang.public import services
from taizhang.public.models import FIELDS, Publication


def test_saving_creates_the_settings_and_audits_them(world):
    office = world.people["office"]
    publication = services.save_publication(
        world.plan, office, published=True, shown={"show_narrative": True}
    )
    entry = AuditEntry.objects.get(object_type="publication", object_id=str(publication.pk))
    assert (publication.published, publication.show_narrative) == (True, True)
    assert entry.organisation == world.organisation
    assert entry.actor == office
    assert entry.changes["show_narrative"] == [False, True]


def test_first_publication_time_is_kept_when_published_again(world):
    office = world.people["office"]
    first = services.save_publication(world.plan, office, published=True, shown={}).published_at
    services.save_publication(world.plan, office, published=False, shown={})
    again = services.save_publication(world.plan, office, published=True, shown={})
    assert first is not None
    assert again.published_at == first


def test_an_unchanged_save_writes_no_audit_entry(world):
    office = world.people["office"]
    services.save_publication(world.plan, office, published=True, shown={})
    before = AuditEntry.objects.count()
    services.save_publication(world.plan, office, published=True, shown={})
    assert AuditEntry.objects.count() == before


def test_publishing_with_nothing_chosen_is_refused_and_nothing_saved(world):
    with pytest.raises(ValidationError, match="至少选择一项"):
        services.save_publication(
            world.plan,
            world.people["office"],
            published=True,
            shown=dict.fromkeys(FIELDS, False),
        )
    assert not Publication.objects.exists()
    assert not AuditEntry.objects.filter(object_type="publication").exists()


def test_an_unknown_field_is_refused(world):
    with pytest.raises(ValidationError, match="未知的公开内容"):
        services.save_publication(
            world.plan, world.people["office"], published=True, shown={"show_scores": True}
        )


def test_a_plan_never_set_reads_as_unpublished_defaults(world):
    publication = services.publication_of(world.plan)
    assert publication.pk is None
    assert publication.published is False
    assert publication.show_narrative is False
    assert publication.show_text is True
