"""accounts.prepared: a query compiled once answers each request's values as the ORM would."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.http import Http404
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from taizhang.accounts.access import load
from taizhang.accounts.models import Role, User
from taizhang.accounts.prepared import Prepared
from taizhang.accounts.sessions import SessionStore
from taizhang.audit.models import AuditEntry
from taizhang.freshness import kept
from taizhang.notifications.backends import UNREAD, PersonBackend
from taizhang.plans.models import Plan
from tests import factories as f
from tests.notifications.builders import deliver

pytestmark = pytest.mark.django_db


def test_each_person_is_loaded_as_the_orm_loads_them(world):
    deliver(world.people["liaison"], "a")
    deliver(world.people["liaison"], "b")
    backend = PersonBackend()
    for person in (world.people["liaison"], world.people["office"], world.people["outsider"]):
        expected = backend.people().get(pk=person.pk)
        with CaptureQueriesContext(connection) as queries:
            found = backend.get_user(person.pk)
            # the frame's unit, region and organisation come with the person
            shown = (found.unit, found.region, found.organisation)
        assert len(queries) == 1
        assert found is not expected and found.pk == person.pk
        fields = [field.attname for field in User._meta.concrete_fields]
        assert [getattr(found, f) for f in fields] == [getattr(expected, f) for f in fields]
        assert shown == (expected.unit, expected.region, expected.organisation)
        assert getattr(found, UNREAD) == getattr(expected, UNREAD)
        assert found.date_joined.tzinfo is not None  # converted as the ORM converts
        assert found._state.adding is False and found._state.db == "default"
    assert getattr(backend.get_user(world.people["liaison"].pk), UNREAD) == 2
    assert backend.get_user(-1) is None


def test_a_deactivated_person_is_refused_at_once(world):
    liaison = world.people["liaison"]
    backend = PersonBackend()
    assert backend.get_user(liaison.pk) is not None
    User.objects.filter(pk=liaison.pk).update(is_active=False)
    assert backend.get_user(liaison.pk) is None


def test_several_values_each_go_to_their_place(world):
    office, outsider = world.people["office"], world.people["outsider"]
    by_both = Prepared(
        User,
        lambda organisation_id, pk: User.objects.filter(organisation_id=organisation_id, pk=pk),
        arity=2,
    )
    assert by_both.first(office.organisation_id, office.pk) == office
    assert by_both.first(outsider.organisation_id, outsider.pk) == outsider
    assert by_both.first(office.organisation_id, outsider.pk) is None


def test_a_query_that_does_not_use_its_value_is_refused(world):
    ignoring = Prepared(User, lambda pk: User.objects.filter(is_active=True))
    with pytest.raises(ValueError):
        ignoring.first(world.people["office"].pk)


def test_each_organisations_stamp_is_its_own(world):
    ours, theirs = world.organisation, world.other
    AuditEntry.objects.create(organisation=ours, action="x", object_type="t", object_id="1")
    AuditEntry.objects.create(organisation=theirs, action="x", object_type="t", object_id="2")
    for organisation in (ours, theirs):
        latest = AuditEntry.objects.filter(organisation=organisation).order_by("-pk").first()
        assert kept.stamp(organisation.pk) == latest.pk
    assert kept.stamp(-5) == 0


PLANS = Plan.objects.select_related("organisation", "region")  # as the pages keep it
PLANS_WITH_MEASURES = Plan.objects.prefetch_related("measures")


def test_a_kept_queryset_loads_as_the_orm_does_and_keeps_the_boundary(world):
    """The pages' module-level querysets are compiled on their second use: the answers
    stay those of of_organisation(...).filter(pk=...) for everyone, every time."""
    office, outsider = world.people["office"], world.people["outsider"]
    sysadmin = f.UserFactory(organisation=None, role=Role.SYSTEM_ADMIN, is_staff=True)
    for _ in range(3):
        for queryset in (PLANS, Plan):
            plan = load(office, queryset, world.plan.pk)
            assert plan == world.plan and plan.title == world.plan.title
            with pytest.raises(Http404):
                load(outsider, queryset, world.plan.pk)
            with pytest.raises(Http404):
                load(sysadmin, queryset, world.plan.pk)
            with pytest.raises(Http404):
                load(office, queryset, 2**70)  # beyond 64 bits: no such row, not a 500
            assert load(outsider, queryset, world.other_plan.pk) == world.other_plan
        with CaptureQueriesContext(connection) as queries:
            plan = load(office, PLANS, world.plan.pk)
            assert plan.organisation == world.organisation  # selected with it
        assert len(queries) == 1


def test_a_kept_queryset_still_runs_its_prefetches(world):
    for _ in range(3):
        plan = load(world.people["office"], PLANS_WITH_MEASURES, world.plan.pk)
        with CaptureQueriesContext(connection) as queries:
            assert world.first in list(plan.measures.all())
        assert len(queries) == 0


def test_sessions_end_as_djangos_do(world):
    """The prepared session read: a live session signs in, a signed-out or expired one does
    not, and another key finds nothing."""
    liaison = world.people["liaison"]
    client = Client()
    client.force_login(liaison)
    todo = reverse("workspace:todo")
    assert client.get(todo).status_code == 200
    key = client.cookies["sessionid"].value
    assert SessionStore(key).load()["_auth_user_id"] == str(liaison.pk)
    assert SessionStore("x" * 32).load() == {}

    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    store = SessionStore(key)
    assert store.load() == {} and store.session_key is None
    assert client.get(todo).status_code == 302  # to the sign-in page

    client.force_login(liaison)
    assert client.get(todo).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(todo).status_code == 302
