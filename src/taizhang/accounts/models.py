"""People and the role each plays in an organisation."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    OFFICE_ADMIN = "office_admin", "依法治理办（管理员）"
    LIAISON = "liaison", "单位联络员"
    REVIEWER = "reviewer", "牵头单位审核人"
    COUNTY_OFFICE = "county_office", "县(市、区)依法治理办"
    LEADER = "leader", "领导（只读）"
    SYSTEM_ADMIN = "system_admin", "系统管理员"


class User(AbstractUser):
    """A person. Liaisons and reviewers belong to a unit; a county office to a region."""

    display_name = models.CharField("姓名", max_length=50, blank=True)
    organisation = models.ForeignKey(
        "units.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices, default=Role.LIAISON)
    unit = models.ForeignKey(
        "units.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    region = models.ForeignKey(
        "units.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    phone = models.CharField("手机", max_length=20, blank=True)
    must_change_password = models.BooleanField(
        "下次登录须修改密码",
        default=False,
        help_text="set when an administrator resets the password (one-time password)",
    )

    class Meta:
        verbose_name = verbose_name_plural = "用户"

    def __str__(self):
        return self.display_name or self.username
