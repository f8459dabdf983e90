"""Every URL of the platform, requested by every role and anonymously: who gets the page,
who is refused (403), who is told it does not exist (404), who must log in.

The expected answers are data, in tests/permission_expectations.py. The URL list comes
from the resolver, so a new URL without a row fails here (add its row), and a row whose
URL is gone fails too. Unnamed URLs of the project's own apps fail as well: a URL that
cannot be named cannot be in the table.

The data (the `world` fixture and the reports, files and imports around it) and one
signed-in session per role are built once for the module, inside a transaction rolled back
at its end; each test runs in a nested transaction of its own (the `db` fixture), so a
POST or a logout in one test never reaches another. Each (row, role) pair is its own test:
`pytest -k "ledger:measure and liaison"` runs one."""

from __future__ import annotations

import datetime
import importlib
from http.cookies import SimpleCookie

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLResolver, get_resolver, reverse

from tests.permission_expectations import (
    EXPECTATIONS,
    LOGIN,
    ORGANISATION_ROLES,
    REDIRECT,
    ROLES,
    url_name,
)

# URL kwarg -> the object (an attribute of the built data) it names by default.
OBJECTS = {
    "plan_id": "plan",
    "measure_id": "first",
    "unit_id": "education",
    "report_id": "report",
    "period_id": "period",
    "import_id": "plan_import",
    "evidence_id": "evidence",
    "collective_id": "collective",
    "exemption_id": "exemption",
    "extension_id": "extension",
    "assignment_id": "assignment",
    "version_id": "version",
    "entry_id": "entry",
    "target_id": "target",
    "duty_id": "duty",
    "fulfilment_id": "fulfilment",
    "reading_id": "reading",
    "notice_id": "notice",
    "reply_id": "notice_reply",
    "closure_id": "closure",
    "scheme_id": "scheme",
    "adjustment_id": "adjustment",
    "indicator_id": "indicator",
    "survey_id": "survey",
    "question_id": "question",
    "survey_token": "survey_link",
    "annual_report_id": "annual_report",
    "user_id": "person",
    "organisation_id": "organisation",
    "delivery_id": "delivery",
    "job_id": "job",
}
# The admin's own kwargs, filled by admin_kwargs().
ADMIN_KWARGS = {"app_label", "object_id", "content_type_id"}

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PLAN_TEXT = "测试方案\n一、主要任务\n1.开展普法宣传。〔牵头单位：州司法局；责任单位：州教育局〕\n"


# -- the URLs --------------------------------------------------------------------------


def url_map() -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Every named URL (full name -> kwarg names), and the routes of unnamed URLs outside
    the admin."""
    named: dict[str, tuple[str, ...]] = {}
    unnamed: list[str] = []

    def walk(resolver, namespaces, route, kwargs):
        for pattern in resolver.url_patterns:
            here = route + str(pattern.pattern)
            found = (*kwargs, *pattern.pattern.regex.groupindex)
            if isinstance(pattern, URLResolver):
                inner = [*namespaces, pattern.namespace] if pattern.namespace else namespaces
                walk(pattern, inner, here, found)
            elif pattern.name:
                named[":".join([*namespaces, pattern.name])] = found
            elif "admin" not in namespaces:
                unnamed.append(here)

    walk(get_resolver(), [], "/", ())
    return named, unnamed


URLS, UNNAMED = url_map()


def _cases():
    for key, row in EXPECTATIONS.items():
        for role in ROLES:
            yield pytest.param(key, role, False, id=f"{key}-{role}")
        kwargs = set(URLS.get(url_name(key), ())) & set(OBJECTS)
        if "@" not in key and row.foreign is not None and kwargs:
            for role in ORGANISATION_ROLES:
                yield pytest.param(key, role, True, id=f"{key}[foreign]-{role}")


# -- the data --------------------------------------------------------------------------


def _filed_report(assignment, period, user):
    """A submitted report with one evidence file, through the reporting write path."""
    from taizhang.reporting import services

    return services.file_report(
        assignment,
        period,
        user,
        {"status": "in_progress", "narrative": "开展宪法宣传活动12场。"},
        0,
        uploads=[SimpleUploadedFile("工作总结.pdf", PDF)],
        submit_after=True,
    )


def _reporting_objects(data, organisation, user, assignment, period):
    """The report-related objects of one organisation, named as OBJECTS names them."""
    from taizhang.audit.models import AuditEntry

    data.assignment = assignment
    data.report = _filed_report(assignment, period, user)
    data.evidence = data.report.evidence.get()
    data.version = data.report.versions.order_by("number").first()
    data.entry = AuditEntry.objects.filter(organisation=organisation).order_by("pk").first()
    _supervision_objects(data, organisation, user, assignment)
    _public_objects(assignment.measure.plan, user)
    _survey_objects(data, organisation, assignment.measure.plan)
    _annual_report_objects(data, organisation, assignment)


def _annual_report_objects(data, organisation, assignment):
    """The government's annual report, the unit's year-end report and (where there is a
    county) the county's report up, as drafts made by their authors."""
    from taizhang.accounts.models import Role
    from taizhang.annual_reports import services as annual_reports
    from taizhang.units.models import Region
    from tests import factories as f

    plan, unit = assignment.measure.plan, assignment.unit
    new = annual_reports.create
    office = f.UserFactory(organisation=organisation, role=Role.OFFICE_ADMIN)
    data.annual_report = new(office, plan, "government", 2025, region=plan.region)[0]
    staff = f.UserFactory(organisation=organisation, role=Role.LIAISON, unit=unit)
    data.unit_annual_report = new(staff, plan, "unit_year_end", 2025, unit=unit)[0]
    county = Region.objects.filter(organisation=organisation, level="county").first()
    if county is not None:
        county_office = f.UserFactory(
            organisation=organisation, role=Role.COUNTY_OFFICE, region=county
        )
        data.county_annual_report = new(county_office, plan, "county_up", 2025, region=county)[0]


def _survey_objects(data, organisation, plan):
    """An open survey with one question; its public link is named by token, not pk."""
    from types import SimpleNamespace

    from tests.surveys.builders import open_survey

    data.survey = open_survey(organisation, plan)
    data.question = data.survey.questions.get()
    data.survey_link = SimpleNamespace(pk=data.survey.token)


def _public_objects(plan, user):
    """The plan published on the public progress page (its pages answer 404 otherwise)."""
    from taizhang.public import services

    services.save_publication(plan, user, published=True, shown={})


def _supervision_objects(data, organisation, user, assignment):
    """Targets, duties, notices, a 不涉及 request and the assessment scheme, on the measure
    of ``assignment``."""
    from django.core.files.base import ContentFile

    from taizhang.accounts.models import Role
    from taizhang.plans.models import Exemption
    from taizhang.reporting.models import Extension
    from tests import factories as f

    measure, unit = assignment.measure, assignment.unit
    office = f.UserFactory(organisation=organisation, role=Role.OFFICE_ADMIN)
    data.target = f.TargetFactory(measure=measure)
    data.duty = f.RecurringDutyFactory(measure=measure)
    data.fulfilment = f.DutyFulfilmentFactory(duty=data.duty, unit=unit, recorded_by=user)
    data.reading = f.TargetReadingFactory(target=data.target, recorded_by=office)
    data.notice = f.UrgeNoticeFactory(unit=unit, created_by=office)
    data.notice_reply = f.NoticeReplyFactory(notice=data.notice, by=user)
    data.closure = f.ClosureFactory(measure=measure, applied_by=user)
    data.extension = Extension.objects.create(
        assignment=assignment,
        requested_due=datetime.date(2030, 1, 1),
        reason="延期",
        requested_by=user,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="情况说明.pdf"),
        original_name="情况说明.pdf",
        content_type="application/pdf",
    )
    data.exemption = Exemption.objects.create(
        assignment=assignment, reason="不涉及", requested_by=user
    )
    data.scheme = f.SchemeFactory(plan=measure.plan)
    data.indicator = f.IndicatorFactory(scheme=data.scheme)
    data.adjustment = f.AdjustmentFactory(scheme=data.scheme, unit=unit, created_by=office)


def _build(world_function):
    from types import SimpleNamespace

    from axes.models import AccessAttempt, AccessLog
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from taizhang.accounts.models import Role
    from taizhang.api.tokens import issue_token
    from taizhang.audit.models import AuditEntry
    from taizhang.plans import importing
    from taizhang.plans.models import Assignment
    from tests import factories as f

    world = world_function(None)
    people = world.people
    liaison_of_police = f.UserFactory(
        organisation=world.organisation, role=Role.LIAISON, unit=world.police
    )
    mine = Assignment.objects.get(measure=world.first, unit=world.education)
    data = SimpleNamespace(**vars(world))
    data.plan_import = importing.stage(
        world.organisation, people["office"], world.home, "p.txt", PLAN_TEXT.encode()
    )
    data.collective = f.CollectiveFactory(organisation=world.organisation, phrase="各县(市)")
    data.county_plan = f.PlanFactory(
        organisation=world.organisation, region=world.county, parent=world.plan
    )
    f.AssignmentFactory(
        measure=f.MeasureFactory(plan=data.county_plan, number=1), unit=world.county_government
    )
    data.county_period = f.PeriodFactory(plan=data.county_plan)
    data.county_import = importing.stage(
        world.organisation, people["county"], world.county, "c.txt", PLAN_TEXT.encode()
    )
    data.uncarried_plan = f.PlanFactory(organisation=world.organisation, region=world.home)
    data.archived_plan = f.PlanFactory(
        organisation=world.organisation, region=world.home, archived_at=timezone.now()
    )
    f.AssignmentFactory(
        measure=f.MeasureFactory(plan=data.uncarried_plan, number=1), unit=world.police
    )
    _reporting_objects(data, world.organisation, people["liaison"], mine, world.period)
    data.county_report = _filed_report(
        Assignment.objects.get(measure=world.first, unit=world.county_government),
        world.period,
        people["county"],
    )
    data.lead_report = _filed_report(
        Assignment.objects.get(measure=world.second, unit=world.police),
        world.period,
        liaison_of_police,
    )

    # The same objects in the other organisation, for the 404 checks.
    other = SimpleNamespace(plan=world.other_plan)
    outsider = people["outsider"]
    other.education = f.UnitFactory(organisation=world.other, region=world.other_plan.region)
    other.first = f.MeasureFactory(plan=world.other_plan, number=1)
    other.period = f.PeriodFactory(plan=world.other_plan)
    other.plan_import = importing.stage(
        world.other, outsider, world.other_plan.region, "p.txt", PLAN_TEXT.encode()
    )
    other.collective = f.CollectiveFactory(organisation=world.other, phrase="各县(市)")
    other.archived_plan = f.PlanFactory(organisation=world.other, archived_at=timezone.now())
    their_liaison = f.UserFactory(organisation=world.other, role=Role.LIAISON, unit=other.education)
    _reporting_objects(
        other,
        world.other,
        their_liaison,
        f.AssignmentFactory(measure=other.first, unit=other.education),
        other.period,
    )
    other.person = their_liaison
    other.organisation = world.other
    _people_objects(data, world, data.report)
    _people_objects(other, SimpleNamespace(people={"office": outsider}), None, their_liaison)
    data.other_organisation = other

    # One object of every model the admin lists, so its object pages have something.
    issue_token(people["office"])
    access = {"user_agent": "pytest", "ip_address": "127.0.0.1", "username": "qn_office"}
    access.update(http_accept="text/html", path_info="/accounts/login/")
    data.admin_objects = {
        "auth_group": Group.objects.create(name="督查组").pk,
        "api_apitoken": people["office"].api_token.pk,
        "audit_auditentry": data.entry.pk,
        "web_failedsignin": AccessAttempt.objects.create(
            **access, get_data="", post_data="", failures_since_start=1
        ).pk,
        "web_signin": AccessLog.objects.create(**access).pk,
    }
    data.entry_content_type = ContentType.objects.get_for_model(AuditEntry).pk
    data.sessions = {role: _session_of(user) for role, user in people.items()}
    # One client for the module: a new one loads the middleware again, and WhiteNoise
    # scans every static file each time.
    data.client = Client()
    return data


def _people_objects(data, world, report, liaison=None):
    """The accounts, a message in the liaison's message centre and a finished job of the
    office, as OBJECTS names them."""
    from taizhang.accounts.models import Role
    from taizhang.jobs import progress
    from taizhang.jobs.models import Job
    from taizhang.notifications.api import Message, notify
    from tests import factories as f

    office = world.people["office"]
    liaison = liaison or world.people["liaison"]
    data.office_admin = office
    if hasattr(world, "county_government"):
        data.person = liaison
        data.county_person = f.UserFactory(
            organisation=world.organisation, role=Role.LIAISON, unit=world.county_government
        )
    notification = notify(
        liaison.organisation,
        Message("report_returned", f"matrix:{liaison.pk}", "报告被退回", "请修改。", "/todo/"),
        users=[liaison],
    )
    data.delivery = notification.deliveries.get()
    data.job = progress.start(Job.Kind.EXPORT, office, office.organisation, "导出")
    progress.finish(data.job, content=b"PK", filename="导出.xlsx")


def _session_of(user) -> str:
    """A signed-in session, made once: each test only sends its cookie."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker, tmp_path_factory):
    shared = importlib.import_module("tests.conftest")
    media = tmp_path_factory.mktemp("permission-matrix-media")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=fast),
        transaction.atomic(),
    ):
        # The `world` fixture's own function: the same world every web test uses.
        yield _build(shared.world.__wrapped__)
        transaction.set_rollback(True)


# -- the requests ----------------------------------------------------------------------


def admin_kwargs(data, name: str, needed) -> dict:
    kwargs = {}
    if "app_label" in needed:
        kwargs["app_label"] = "audit"
    if name == "admin:view_on_site":
        kwargs.update(content_type_id=data.entry_content_type, object_id=data.entry.pk)
    elif "object_id" in needed:
        model = name.removeprefix("admin:").rsplit("_", 1)[0]
        kwargs["object_id"] = data.admin_objects[model]
    return kwargs


def url_for(data, key: str, foreign: bool) -> str:
    name = url_name(key)
    if name not in URLS:
        pytest.fail(f"{name}: the table has a row for a URL that no longer exists")
    needed = URLS[name]
    source = data.other_organisation if foreign else data
    names = {**OBJECTS, **EXPECTATIONS[key].use}
    kwargs = {kwarg: getattr(source, names[kwarg]).pk for kwarg in needed if kwarg in OBJECTS}
    if name.startswith("admin:"):
        kwargs.update(admin_kwargs(data, name, needed))
    return reverse(name, kwargs=kwargs)


def outcome(response, name: str) -> int | str:
    """The answer as the table writes it."""
    if response.status_code == 401 and name.startswith("api:"):
        return LOGIN
    if response.status_code == 302:
        login = reverse("admin:login" if name.startswith("admin:") else "accounts:login")
        return LOGIN if response["Location"].startswith(login) else REDIRECT
    return response.status_code


@pytest.mark.parametrize(("key", "role", "foreign"), list(_cases()))
def test_permission(matrix, db, key, role, foreign):
    row = EXPECTATIONS[key]
    url = url_for(matrix, key, foreign)
    client = matrix.client
    client.cookies = SimpleCookie()
    if role != "anonymous":
        client.cookies[settings.SESSION_COOKIE_NAME] = matrix.sessions[role]
    response = getattr(client, row.method)(url, row.data)
    expected = row.foreign[role] if foreign else row.expected[role]
    where = f" -> {response['Location']}" if response.status_code == 302 else ""
    assert outcome(response, url_name(key)) == expected, (
        f"{row.method.upper()} {url} as {role}: {response.status_code}{where}"
    )


# -- the table covers the URLs ---------------------------------------------------------


def test_every_url_has_a_row():
    missing = sorted(set(URLS) - {url_name(key) for key in EXPECTATIONS})
    assert not missing, f"add these URLs to tests/permission_expectations.py: {missing}"


def test_every_row_names_a_url():
    stale = sorted({url_name(key) for key in EXPECTATIONS} - set(URLS))
    assert not stale, f"these URLs no longer exist; remove their rows: {stale}"


def test_every_url_of_the_project_is_named():
    assert not UNNAMED, f"name these URLs so the permission table can list them: {UNNAMED}"


def test_every_kwarg_can_be_filled():
    unknown = {
        name: sorted(set(kwargs) - set(OBJECTS) - ADMIN_KWARGS)
        for name, kwargs in URLS.items()
        if set(kwargs) - set(OBJECTS) - ADMIN_KWARGS
    }
    assert not unknown, f"name URL kwargs by the platform convention (plan_id, ...): {unknown}"


def test_variants_name_known_objects():
    for key, row in EXPECTATIONS.items():
        assert "@" in key or not row.use, key
        assert set(row.use) <= set(OBJECTS), key


# -- the system administrator: staff, not a superuser --------------------------------------


def _office_work():
    """Rows the office may use and the system administrator may not (403 or 404), by the
    row's own method and by POST."""
    for key, row in EXPECTATIONS.items():
        office, sysadmin = row.expected["office"], row.expected["sysadmin"]
        if office not in (403, 404, LOGIN) and sysadmin in (403, 404):
            for method in sorted({row.method, "post"}):
                yield pytest.param(key, method, id=f"{method}-{key}")


@pytest.mark.parametrize(("key", "method"), list(_office_work()))
def test_the_system_administrator_is_refused_office_work_by_every_method(matrix, db, key, method):
    """GET shows no office page to the system administrator, and POST (what would do the
    work, with the row's data or none) changes nothing: 403 or 404, never a page or a
    redirect to one."""
    row = EXPECTATIONS[key]
    client = matrix.client
    client.cookies = SimpleCookie()
    client.cookies[settings.SESSION_COOKIE_NAME] = matrix.sessions["sysadmin"]
    response = getattr(client, method)(url_for(matrix, key, False), row.data)
    assert response.status_code in (403, 404, 405), f"{method.upper()} {key}"


def test_the_system_administrator_is_staff_and_not_a_superuser(matrix, db):
    sysadmin = matrix.people["sysadmin"]
    assert (sysadmin.is_staff, sysadmin.is_superuser) == (True, False)


def test_has_perm_and_the_rules_answer_alike_for_the_system_administrator(matrix, db):
    """No shortcut left: for every rule and the objects the pages ask it about, Django's
    user.has_perm says what the rule says."""
    import rules

    sysadmin = matrix.people["sysadmin"]
    objects = [None, *(getattr(matrix, name) for name in set(OBJECTS.values()))]
    for name in sorted(rules.permissions.permissions):
        for obj in objects:
            try:
                by_rule = rules.has_perm(name, sysadmin, obj)
            except (AttributeError, TypeError):
                continue  # the rule is about another kind of object
            assert sysadmin.has_perm(name, obj) == by_rule, (name, obj)


# -- the system administrator sees no plan data -----------------------------------------


def _plan_data(data) -> list[str]:
    """What of the world's plans a page must not show the system administrator."""
    return [
        data.plan.title,
        data.first.text,
        data.second.text,
        "开展宪法宣传活动12场",  # the filed reports' narrative
        "工作总结.pdf",  # their evidence
        data.notice.title,
        data.scheme.name,
        data.survey.title,
        data.other_organisation.plan.title,
    ]


def _public(key: str) -> bool:
    """A page anyone may read without signing in (the public progress page, a survey's
    public link): what it shows is public, for the system administrator too."""
    return EXPECTATIONS[key].expected["anonymous"] == 200


@pytest.mark.parametrize("key", [k for k, r in EXPECTATIONS.items() if r.method == "get"])
def test_the_system_administrator_sees_no_plan_data(matrix, db, key):
    client = matrix.client
    client.cookies = SimpleCookie()
    client.cookies[settings.SESSION_COOKIE_NAME] = matrix.sessions["sysadmin"]
    response = client.get(url_for(matrix, key, False), follow=True)
    if response.status_code != 200 or _public(key):
        assert response.status_code in (200, 403, 404, 405), response.status_code
        return
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8", "replace")
    shown = [marker for marker in _plan_data(matrix) if marker in text]
    assert not shown, f"{key} shows the system administrator plan data: {shown}"


def test_the_system_administrators_menu_offers_no_plan_pages(matrix, db):
    client = matrix.client
    client.cookies = SimpleCookie()
    client.cookies[settings.SESSION_COOKIE_NAME] = matrix.sessions["sysadmin"]
    page = client.get(reverse("people:organisations")).content.decode()
    for name in ("workspace:todo", "ledger:list", "notices:list", "annual_reports:list"):
        assert f'href="{reverse(name)}"' not in page, name
    assert f'href="{reverse("assessment:schemes")}"' not in page
    assert f'href="{reverse("people:people")}"' in page
