"""Organisations, their regions, and the one directory of real units each keeps."""

from django.db import models

from taizhang.accounts.models import Role
from taizhang.accounts.scoping import Scope, ScopedQuerySet


class AuditAction(models.TextChoices):
    """What the units directory's write path records (audit/vocabulary.py)."""

    CREATE = "create", "新建"
    UPDATE = "update", "修改"
    MERGE = "merge", "合并单位"
    ALIAS = "alias", "添加别名"
    RENAME = "rename", "更正单位名称"
    MEMBERS = "members", "设置统称成员"


class AuditDetail(models.TextChoices):
    MERGED = "merged", "并入单位"
    ASSIGNMENTS = "assignments", "转入任务分工"
    REPORTS = "reports", "转入进展报告"
    PEOPLE = "people", "转入人员"
    ALIAS = "alias", "别名"
    MEMBERS_ADDED = "members_added", "新增成员"
    MEMBERS_REMOVED = "members_removed", "移出成员"


class Organisation(models.Model):
    """A deployment's tenant: the government whose coordinating office runs plans
    (黔南州, 银川市). Nobody sees another organisation's data."""

    name = models.CharField("名称", max_length=100, unique=True)
    prefix = models.CharField("单位名称前缀", max_length=10, help_text="州、市、县…")
    office_name = models.CharField("牵头协调机构", max_length=100, blank=True)

    scope = Scope(organisation="pk")

    class Meta:
        verbose_name = verbose_name_plural = "组织"

    def __str__(self):
        return self.name

    @property
    def office_title(self) -> str:
        """The coordinating office as pages, messages and documents name it: its own name
        (州委依法治州办), else 黔南州依法治理办."""
        return self.office_name or f"{self.name}依法治理办"


class Region(models.Model):
    """An administrative area of an organisation: the prefecture or city itself, its
    counties, townships and villages."""

    class Level(models.TextChoices):
        PREFECTURE = "prefecture", "州(市)级"
        COUNTY = "county", "县(市、区)级"
        TOWNSHIP = "township", "乡镇(街道)级"
        VILLAGE = "village", "村(社区)级"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="regions")
    name = models.CharField("名称", max_length=100)
    level = models.CharField("层级", max_length=20, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    population = models.PositiveIntegerField("常住人口", null=True, blank=True)

    scope = Scope(organisation="organisation", regions=("pk",))

    class Meta:
        verbose_name = verbose_name_plural = "行政区域"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_region_name")
        ]
        ordering = ["level", "id"]

    def __str__(self):
        return self.name

    @property
    def office_title(self) -> str:
        """A county's coordinating office as pages, messages and document numbers name it:
        依法治 and the county's last character (都匀市依法治市办, 兴庆区依法治区办); a notice
        signs with the party committee in front (notices.services.office_name)."""
        return f"{self.name}依法治{self.name[-1]}办"


class UnitQuerySet(ScopedQuerySet):
    def filed_by(self, user):
        """The units whose work the person files: their own unit, or a county office its
        county's units; nobody else files."""
        if user.role in (Role.LIAISON, Role.REVIEWER, Role.COUNTY_OFFICE):
            return self.for_user(user)
        return self.none()


class Unit(models.Model):
    """A real body that leads or carries measures: 州司法局, 团市委, 某县人民政府.

    A county's townships and villages are units of their level (乡镇(街道)级: 墨冲镇人民政府,
    广惠街道办事处; 村(社区)级: a 村委会 or 社区居委会) in the county's region, so that the
    county office reaches them as it reaches the county's departments; ``parent`` says
    whose they are (a village's township, a township's county government)."""

    class Category(models.TextChoices):
        PARTY = "party", "党委部门"
        GOVERNMENT = "government", "政府部门"
        COURT = "court", "法院"
        PROCURATORATE = "procuratorate", "检察院"
        MASS_ORGANISATION = "mass_organisation", "人民团体"
        ENTERPRISE = "enterprise", "企业"
        OTHER = "other", "其他"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="units")
    name = models.CharField("单位名称", max_length=100)
    category = models.CharField("类别", max_length=20, choices=Category.choices)
    level = models.CharField("层级", max_length=20, choices=Region.Level.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="units")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name="上级单位",
    )

    scope = Scope(organisation="organisation", units=("pk",), regions=("region",))
    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "单位"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_unit_name")
        ]
        ordering = ["level", "category", "name"]

    def __str__(self):
        return self.name


class UnitAlias(models.Model):
    """Another name for a unit (州精神文明办 for 州委宣传部, a merged duplicate's name), so
    that later imports match it."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    name = models.CharField("别名", max_length=100)

    scope = Scope(organisation="organisation")

    class Meta:
        verbose_name = verbose_name_plural = "单位别名"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_alias_name")
        ]

    def __str__(self):
        return f"{self.name} → {self.unit.name}"


class Collective(models.Model):
    """A phrase naming a group of units (各县(市), 州有关部门) and what it means in this
    organisation: the office picks its members."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="collectives"
    )
    phrase = models.CharField("统称", max_length=100)
    members = models.ManyToManyField(Unit, blank=True, related_name="collectives")

    scope = Scope(organisation="organisation")

    class Meta:
        verbose_name = verbose_name_plural = "统称"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "phrase"], name="unique_collective")
        ]

    def __str__(self):
        return self.phrase
