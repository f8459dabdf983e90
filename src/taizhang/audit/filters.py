"""Which entries the log page and the export show: one organisation's, filtered."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms
from django.db.models import QuerySet

from taizhang.accounts.models import Role, User
from taizhang.audit.display import action_label, object_type_label
from taizhang.audit.models import AuditEntry

# What the system administrator's log holds: accounts, organisations and API tokens, never
# an entry about plan content (it manages accounts and sees no plan data).
ACCOUNT_OBJECT_TYPES = ("user", "organisation", "apitoken")


def visible_entries(user) -> QuerySet[AuditEntry]:
    """An office's organisation's entries; the system administrator's are the account
    entries of every organisation."""
    if getattr(user, "role", None) == Role.SYSTEM_ADMIN:
        return AuditEntry.objects.filter(object_type__in=ACCOUNT_OBJECT_TYPES)
    return AuditEntry.objects.for_user(user)


def entries_for(user, organisation_id=None) -> QuerySet[AuditEntry]:
    """An office sees its organisation's entries; a system administrator the account
    entries of every organisation, or of one when it picks one."""
    entries = visible_entries(user).select_related("actor", "organisation")
    if organisation_id:
        return entries.filter(organisation_id=organisation_id)
    return entries


@dataclass
class FilteredLog:
    entries: QuerySet[AuditEntry]
    form: LogFilterForm
    organisations: list  # the system administrator's picker
    organisation: object  # the organisation shown, None for all


def filtered_log(user, query) -> FilteredLog:
    """The entries the person may read, filtered by the page's ``query`` (a QueryDict):
    the log page, its export and the export made in the background read the same."""
    organisations, organisation, chosen = [], user.organisation, None
    if not user.organisation_id:  # the system administrator: every organisation
        organisations = organisations_in_log()
        org = query.get("org", "")
        chosen = int(org) if org.isdigit() else None
        organisation = next((o for o in organisations if o.pk == chosen), None)
    entries = entries_for(user, chosen)
    people = User.objects.filter(pk__in=entries.values("actor_id"))
    form = LogFilterForm(entries, people, query or None)
    return FilteredLog(form.apply(entries), form, organisations, organisation)


def export_title(organisation) -> str:
    return f"{organisation or '全部组织'}操作日志"


@dataclass(frozen=True)
class LoggedOrganisation:
    pk: int
    name: str

    def __str__(self) -> str:
        return self.name


def organisations_in_log() -> list[LoggedOrganisation]:
    """The organisations the log has entries of, for the system administrator's picker
    (the audit log sits below the units directory and reaches them through its entries)."""
    rows = (
        AuditEntry.objects.filter(organisation__isnull=False, object_type__in=ACCOUNT_OBJECT_TYPES)
        .values_list("organisation_id", "organisation__name")
        .order_by("organisation_id")
        .distinct()
    )
    return [LoggedOrganisation(pk, name) for pk, name in rows]


class LogFilterForm(forms.Form):
    start = forms.DateField(
        label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    actor = forms.ModelChoiceField(
        label="操作人", queryset=User.objects.none(), required=False, empty_label="全部人员"
    )
    action = forms.ChoiceField(label="操作", required=False)
    object_type = forms.ChoiceField(label="对象类型", required=False)

    def __init__(self, entries: QuerySet[AuditEntry], people: QuerySet[User], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = people.order_by("username")
        actions = entries.order_by().values_list("action", flat=True).distinct()
        types = entries.order_by().values_list("object_type", flat=True).distinct()
        self.fields["action"].choices = [
            ("", "全部操作"),
            *sorted((a, action_label(a)) for a in actions),
        ]
        self.fields["object_type"].choices = [
            ("", "全部对象"),
            *sorted((t, object_type_label(t)) for t in types),
        ]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError("起始日期不能晚于截止日期。")
        return data

    def apply(self, entries: QuerySet[AuditEntry]) -> QuerySet[AuditEntry]:
        if not self.is_valid():
            return entries
        data = self.cleaned_data
        if data["start"]:
            entries = entries.filter(at__gte=_midnight(data["start"]))
        if data["end"]:
            entries = entries.filter(at__lt=_midnight(data["end"] + datetime.timedelta(days=1)))
        if data["actor"]:
            entries = entries.filter(actor=data["actor"])
        if data["action"]:
            entries = entries.filter(action=data["action"])
        if data["object_type"]:
            entries = entries.filter(object_type=data["object_type"])
        return entries


def _midnight(day: datetime.date) -> datetime.datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
