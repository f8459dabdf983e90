"""The write path of organisations (tenants): the system administrator adds one, with the
region it governs; its office then runs everything inside it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from taizhang.audit.log import record
from taizhang.units.models import Organisation, Region


@transaction.atomic
def create_organisation(actor, name: str, prefix: str, office_name: str = "") -> Organisation:
    name, prefix = name.strip(), prefix.strip()
    if not name or not prefix:
        raise ValidationError("请填写组织名称和单位名称前缀。")
    if Organisation.objects.filter(name=name).exists():
        raise ValidationError("已有同名组织。")
    organisation = Organisation.objects.create(
        name=name, prefix=prefix, office_name=office_name.strip()
    )
    Region.objects.create(organisation=organisation, name=name, level=Region.Level.PREFECTURE)
    record(
        actor,
        "create",
        organisation,
        {"名称": name, "单位名称前缀": prefix, "牵头协调机构": organisation.office_name},
    )
    return organisation
