"""Input of the account pages: a person's details, reasons, a roster file, a new
organisation, one's own password."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import PasswordChangeForm

from taizhang.accounts.models import Role
from taizhang.people.actions import Person
from taizhang.people.scope import assignable_roles, region_tree
from taizhang.units.models import Organisation, Region, Unit


class PersonForm(forms.Form):
    display_name = forms.CharField(
        label="姓名", max_length=50, error_messages={"required": "请填写姓名。"}
    )
    role = forms.ChoiceField(label="角色")
    unit = forms.ModelChoiceField(
        label="所在单位",
        queryset=Unit.objects.none(),
        required=False,
        empty_label="（联络员、审核人须选择）",
        error_messages={"invalid_choice": "请选择本组织的单位。"},
    )
    region = forms.ModelChoiceField(
        label="所在县(市、区)",
        queryset=Region.objects.none(),
        required=False,
        empty_label="（县级依法治理办须选择）",
        error_messages={"invalid_choice": "请选择本组织的县(市、区)。"},
    )
    phone = forms.RegexField(
        label="手机",
        regex=r"^1\d{10}$",
        required=False,
        error_messages={"invalid": "手机号应为11位数字。"},
        help_text="新账号以手机号作为登录用户名",
    )
    email = forms.EmailField(
        label="邮箱", required=False, error_messages={"invalid": "邮箱格式不正确。"}
    )

    def __init__(self, actor, organisation, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r, Role(r).label) for r in assignable_roles(actor)]
        units = Unit.objects.filter(organisation=organisation).order_by("level", "name")
        regions = Region.objects.filter(organisation=organisation, level=Region.Level.COUNTY)
        if actor.role == Role.COUNTY_OFFICE:
            units = units.filter(region_id__in=region_tree(actor.region_id))
            del self.fields["region"]
        if actor.role == Role.SYSTEM_ADMIN:
            del self.fields["unit"], self.fields["region"]
        else:
            self.fields["unit"].queryset = units
            if "region" in self.fields:
                self.fields["region"].queryset = regions.order_by("id")

    def person(self) -> Person:
        data = self.cleaned_data
        return Person(
            display_name=data["display_name"],
            role=data["role"],
            unit=data.get("unit"),
            region=data.get("region"),
            phone=data.get("phone") or "",
            email=data.get("email") or "",
        )

    @staticmethod
    def initial_of(user) -> dict:
        return {
            "display_name": user.display_name,
            "role": user.role,
            "unit": user.unit_id,
            "region": user.region_id,
            "phone": user.phone,
            "email": user.email,
        }


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="原因",
        max_length=500,
        error_messages={"required": "请填写原因。"},
        help_text="将记入操作日志",
    )


class ChangeReasonForm(forms.Form):
    reason = forms.CharField(
        label="修改原因", max_length=500, required=False, help_text="将记入操作日志"
    )


class RosterForm(forms.Form):
    file = forms.FileField(
        label="人员名单（.xlsx）",
        error_messages={"required": "请选择按模板填写的人员名单文件。"},
    )


class OrganisationForm(forms.Form):
    name = forms.CharField(
        label="组织名称", max_length=100, error_messages={"required": "请填写组织名称。"}
    )
    prefix = forms.CharField(
        label="单位名称前缀",
        max_length=10,
        help_text="如 州、市、县",
        error_messages={"required": "请填写单位名称前缀。"},
    )
    office_name = forms.CharField(label="牵头协调机构", max_length=100, required=False)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if Organisation.objects.filter(name=name).exists():
            raise forms.ValidationError("已有同名组织。")
        return name


class OwnPasswordForm(PasswordChangeForm):
    """Django's form (old password, new twice, validated by the policy), with the old
    password's error in our words."""

    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": "当前密码不正确，请重新输入。",
        "password_mismatch": "两次输入的新密码不一致。",
    }
