"""Public satisfaction and awareness surveys (群众满意度测评): the questionnaire the office
builds, the quotas it sets per county, and the anonymous responses.

Nothing here identifies a respondent: a response carries the county (and a township typed
by the respondent), optional coarse demographics, and a hash of a random one-time token
that only serves to refuse a second response from the same device."""

import secrets

from django.db import models


def new_token() -> str:
    """The unguessable part of a survey's public link."""
    return secrets.token_urlsafe(12)


class AuditAction(models.TextChoices):
    """What the surveys' write path records (audit/vocabulary.py)."""

    CREATE = "create", "新建"
    UPDATE = "update", "修改"
    ADD_QUESTION = "add_question", "添加题目"
    UPDATE_QUESTION = "update_question", "修改题目"
    DELETE_QUESTION = "delete_question", "删除题目"
    MOVE_QUESTION = "move_question", "调整题目顺序"
    SET_QUOTAS = "set_quotas", "设置样本配额"
    SET_STATE = "set_state", "更改问卷状态"


class AuditDetail(models.TextChoices):
    SOURCE = "source", "来源"
    OPTIONS = "options", "选项"
    NUMBER = "number", "题目序号"
    QUOTAS = "quotas", "计划样本量"


class Survey(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", "草稿"
        OPEN = "open", "收集中"
        CLOSED = "closed", "已结束"

    organisation = models.ForeignKey(
        "units.Organisation", on_delete=models.CASCADE, related_name="surveys"
    )
    plan = models.ForeignKey(
        "plans.Plan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surveys",
        verbose_name="实施方案",
    )
    title = models.CharField("问卷标题", max_length=200)
    intro = models.TextField("问卷说明", blank=True)
    wave = models.CharField("测评批次", max_length=50, blank=True, help_text="如 2024年度")
    opens_on = models.DateField("开始日期", null=True, blank=True)
    closes_on = models.DateField("截止日期", null=True, blank=True)
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.DRAFT)
    token = models.SlugField("公开链接标识", max_length=40, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "满意度测评"
        ordering = ["-opens_on", "-pk"]

    def __str__(self):
        return f"{self.title}（{self.wave}）" if self.wave else self.title


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", "单选题"
        MULTIPLE = "multiple", "多选题"
        SATISFACTION = "satisfaction", "满意度（五级）"
        AWARENESS = "awareness", "知晓度（知道/不知道）"
        TEXT = "text", "开放题（文字）"

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField("题型", max_length=20, choices=Kind.choices)
    text = models.CharField("题目", max_length=500)
    help_text = models.CharField("提示", max_length=300, blank=True)
    required = models.BooleanField("必答", default=True)
    position = models.PositiveIntegerField(default=0)
    chapter = models.ForeignKey(
        "plans.Chapter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_questions",
        verbose_name="对应方案章节",
    )

    class Meta:
        verbose_name = verbose_name_plural = "题目"
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text

    @property
    def has_choices(self) -> bool:
        return self.kind != self.Kind.TEXT


class Choice(models.Model):
    """An option of a question. ``key`` marks the options of the fixed scales (very_satisfied
    … unaware) that the statistics count; the office's own options have none."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField("选项", max_length=200)
    key = models.CharField(max_length=30, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = verbose_name_plural = "选项"
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label


class Quota(models.Model):
    """How many responses the office wants from a county."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="quotas")
    region = models.ForeignKey("units.Region", on_delete=models.CASCADE, related_name="+")
    target = models.PositiveIntegerField("计划样本量")

    class Meta:
        verbose_name = verbose_name_plural = "样本配额"
        constraints = [
            models.UniqueConstraint(fields=["survey", "region"], name="one_quota_per_region")
        ]

    def __str__(self):
        return f"{self.region}：{self.target}份"


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", "18岁以下"
    FROM_18 = "18_29", "18—29岁"
    FROM_30 = "30_44", "30—44岁"
    FROM_45 = "45_59", "45—59岁"
    OVER_60 = "60_plus", "60岁及以上"


class Gender(models.TextChoices):
    MALE = "male", "男"
    FEMALE = "female", "女"


class Occupation(models.TextChoices):
    PUBLIC_SECTOR = "public_sector", "机关事业单位人员"
    EMPLOYEE = "employee", "企业职工"
    SELF_EMPLOYED = "self_employed", "个体工商户"
    FARMER = "farmer", "农民"
    STUDENT = "student", "学生"
    RETIRED = "retired", "离退休人员"
    OTHER = "other", "其他"


class Response(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    region = models.ForeignKey(
        "units.Region", on_delete=models.PROTECT, related_name="+", verbose_name="县(市、区)"
    )
    township = models.CharField("乡镇(街道)", max_length=50, blank=True)
    age_band = models.CharField("年龄", max_length=10, choices=AgeBand.choices, blank=True)
    gender = models.CharField("性别", max_length=10, choices=Gender.choices, blank=True)
    occupation = models.CharField("职业", max_length=20, choices=Occupation.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    device_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = verbose_name_plural = "答卷"
        constraints = [
            # The token a device was given is burned by its response: a replay collides here.
            models.UniqueConstraint(
                fields=["survey", "device_hash"], name="one_response_per_device"
            )
        ]
        indexes = [models.Index(fields=["survey", "region"])]

    def __str__(self):
        return f"{self.survey}·答卷{self.pk}"


class Answer(models.Model):
    """One answer: a chosen option (a multiple-choice question has one row per option), or
    the text of an open question."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choice = models.ForeignKey(
        Choice, null=True, blank=True, on_delete=models.CASCADE, related_name="answers"
    )
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "回答"
        indexes = [models.Index(fields=["question", "choice"])]

    def __str__(self):
        return f"{self.question}：{self.choice or self.text}"
