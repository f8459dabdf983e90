"""Input of the directory pages: filters, a unit's fields, aliases, merges, collectives."""

from __future__ import annotations

from django import forms

from taizhang.accounts.models import Role
from taizhang.units.models import Region, Unit
from taizhang.units.services import COUNTY_LEVELS

REASON_HELP = "将记入操作日志"


def _keeps_county(user) -> bool:
    """A county office keeps its county's units only: its forms offer nothing else."""
    return getattr(user, "role", None) == Role.COUNTY_OFFICE and bool(user.region_id)


def _region_field(organisation, required=True, user=None):
    regions = Region.objects.filter(organisation=organisation).order_by("id")
    if _keeps_county(user):
        regions = regions.filter(pk=user.region_id)
    return forms.ModelChoiceField(
        label="所属区域",
        queryset=regions,
        required=required,
        empty_label="全部区域" if not required else "请选择",
        error_messages={"invalid_choice": "请选择本组织的区域。", "required": "请选择所属区域。"},
    )


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label="单位名称", required=False, max_length=100)
    category = forms.ChoiceField(
        label="类别", required=False, choices=[("", "全部类别"), *Unit.Category.choices]
    )
    level = forms.ChoiceField(
        label="层级", required=False, choices=[("", "全部层级"), *Region.Level.choices]
    )

    def __init__(self, organisation, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = _region_field(organisation, required=False, user=user)

    def values(self) -> dict:
        """The filters to apply; an invalid filter is simply not applied."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data["q"].strip(),
            "category": data["category"],
            "level": data["level"],
            "region": data["region"],
        }


class UnitFieldsForm(forms.Form):
    category = forms.ChoiceField(label="类别", choices=Unit.Category.choices)
    level = forms.ChoiceField(label="层级", choices=Region.Level.choices)
    reason = forms.CharField(
        label="修改原因", required=False, max_length=500, help_text=REASON_HELP
    )

    def __init__(self, organisation, *args, user=None, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = _region_field(organisation, user=user)
        parents = Unit.objects.filter(organisation=organisation).exclude(level=Region.Level.VILLAGE)
        if _keeps_county(user):
            self.fields["level"].choices = [
                c for c in Region.Level.choices if c[0] in COUNTY_LEVELS
            ]
            parents = parents.filter(region_id=user.region_id)
        if unit is not None:
            parents = parents.exclude(pk=unit.pk)
        self.fields["parent"] = forms.ModelChoiceField(
            label="上级单位",
            queryset=parents.order_by("level", "name"),
            required=False,
            empty_label="无",
            help_text="乡镇（街道）填所属县（市、区）人民政府，村（社区）填所属乡镇（街道）",
            error_messages={"invalid_choice": "请选择本县（市、区）或本组织的单位。"},
        )
        self.order_fields(["name", "category", "level", "region", "parent", "reason"])


class UnitCreateForm(UnitFieldsForm):
    name = forms.CharField(
        label="单位名称",
        max_length=100,
        error_messages={"required": "请填写单位名称。"},
    )


class RenameForm(forms.Form):
    """更正单位名称: the reason is required (it goes into the audit log)."""

    name = forms.CharField(
        label="正确名称", max_length=100, error_messages={"required": "请填写单位名称。"}
    )
    reason = forms.CharField(
        label="更正原因",
        max_length=500,
        help_text=REASON_HELP,
        error_messages={"required": "请填写更正名称的原因。"},
    )


class AliasForm(forms.Form):
    alias = forms.CharField(
        label="别名", max_length=100, error_messages={"required": "请填写别名。"}
    )
    reason = forms.CharField(label="原因", required=False, max_length=500, help_text=REASON_HELP)


class MergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(
        label="要并入的重复单位",
        queryset=Unit.objects.none(),
        empty_label="请选择",
        error_messages={
            "required": "请选择要并入的重复单位。",
            "invalid_choice": "请选择本组织的另一个单位。",
        },
    )
    reason = forms.CharField(
        label="合并原因",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "请填写合并原因。"},
    )
    confirm = forms.BooleanField(
        label="我已核对：重复单位的任务、人员和名称将并入本单位，重复单位将被删除",
        error_messages={"required": "请勾选确认后再合并。"},
    )

    def __init__(self, unit: Unit, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duplicate"].queryset = (
            Unit.objects.filter(organisation_id=unit.organisation_id)
            .exclude(pk=unit.pk)
            .order_by("name")
        )


class CollectiveForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        label="成员单位",
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "所选单位不属于本组织。"},
    )
    reason = forms.CharField(
        label="修改原因", required=False, max_length=500, help_text=REASON_HELP
    )

    def __init__(self, organisation, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = Unit.objects.filter(organisation=organisation)
