"""What the API shows of each object (read), and the input its writes accept."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from taizhang.plans.models import (
    Assignment,
    Chapter,
    Measure,
    MeasureCollective,
    Plan,
    RecurringDuty,
    Section,
    Target,
)
from taizhang.reporting.models import (
    Evidence,
    IndicatorValue,
    Period,
    ProgressReport,
    Review,
)
from taizhang.units.models import Region, Unit


class RegionRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["id", "name", "level"]


class ChapterSerializer(serializers.ModelSerializer):
    class Meta:
        model = Chapter
        fields = ["id", "number", "title"]


class SectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Section
        fields = ["id", "number", "title"]


class PlanSerializer(serializers.ModelSerializer):
    region = RegionRefSerializer(read_only=True)
    chapters = ChapterSerializer(many=True, read_only=True)
    measures_count = serializers.IntegerField(read_only=True, help_text="未删除的任务数")

    class Meta:
        model = Plan
        fields = [
            "id",
            "title",
            "issuer",
            "issued_on",
            "start_year",
            "end_year",
            "region",
            "parent",
            "revision",
            "source_name",
            "measures_count",
            "chapters",
        ]


class PeriodSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Period
        fields = [
            "id",
            "plan",
            "name",
            "kind",
            "kind_display",
            "starts_on",
            "ends_on",
            "due_on",
            "due_rule",
        ]


class UnitSerializer(serializers.ModelSerializer):
    region = RegionRefSerializer(read_only=True)
    category_display = serializers.CharField(source="get_category_display", read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "name", "category", "category_display", "level", "region"]


class UnitRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "name"]


class AssignedUnitSerializer(serializers.ModelSerializer):
    """A unit's part in a measure; ``via`` is the collective phrase it came from."""

    id = serializers.IntegerField(source="unit_id", read_only=True)
    name = serializers.CharField(source="unit.name", read_only=True)
    via = serializers.CharField(source="via.phrase", read_only=True, allow_null=True, default=None)

    class Meta:
        model = Assignment
        fields = ["id", "name", "via"]


class MeasureCollectiveSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="collective_id", read_only=True)
    phrase = serializers.CharField(source="collective.phrase", read_only=True)

    class Meta:
        model = MeasureCollective
        fields = ["id", "phrase", "role"]


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Target
        fields = ["id", "quote", "value", "unit", "comparator", "year", "per", "baseline"]


class DutySerializer(serializers.ModelSerializer):
    class Meta:
        model = RecurringDuty
        fields = ["id", "quote", "times_per_year"]


class MeasureSerializer(serializers.ModelSerializer):
    chapter = ChapterSerializer(read_only=True, allow_null=True)
    section = SectionSerializer(read_only=True, allow_null=True)
    lead_units = serializers.SerializerMethodField()
    responsible_units = serializers.SerializerMethodField()
    collectives = MeasureCollectiveSerializer(many=True, read_only=True)
    targets = TargetSerializer(many=True, read_only=True)
    duties = DutySerializer(many=True, read_only=True)
    implements = serializers.SerializerMethodField(
        help_text="ids of the parent plan's measures this measure carries out (confirmed links)"
    )
    deadline_in_force = serializers.DateField(
        read_only=True,
        allow_null=True,
        help_text="完成时限 in force: the measure's deadline, or the later one the office "
        "approved its lead unit (延期申请); what the status judges 滞后 by",
    )

    class Meta:
        model = Measure
        fields = [
            "id",
            "plan",
            "number",
            "title",
            "text",
            "chapter",
            "section",
            "lead_units",
            "responsible_units",
            "collectives",
            "attribution_raw",
            "deadline_text",
            "deadline",
            "deadline_in_force",
            "targets",
            "duties",
            "implements",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_implements(self, measure):
        return sorted(link.parent_id for link in measure.parent_links.all())

    # The assignments are prefetched once; splitting them here keeps the query count flat.
    def _units(self, measure, role):
        chosen = [a for a in measure.assignments.all() if a.role == role]
        return AssignedUnitSerializer(chosen, many=True).data

    @extend_schema_field(AssignedUnitSerializer(many=True))
    def get_lead_units(self, measure):
        return self._units(measure, Assignment.Role.LEAD)

    @extend_schema_field(AssignedUnitSerializer(many=True))
    def get_responsible_units(self, measure):
        return self._units(measure, Assignment.Role.RESPONSIBLE)


class MeasureRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Measure
        fields = ["id", "plan", "number", "title", "text"]


class EvidenceNameSerializer(serializers.ModelSerializer):
    """The name and size of a piece of evidence; the file itself is never embedded."""

    name = serializers.CharField(source="original_name", read_only=True)

    class Meta:
        model = Evidence
        fields = ["id", "name", "content_type", "size", "uploaded_at"]


class IndicatorValueSerializer(serializers.ModelSerializer):
    class Meta:
        model = IndicatorValue
        fields = ["target", "value", "source"]


class ReviewSerializer(serializers.ModelSerializer):
    reviewer = serializers.CharField(source="reviewer.__str__", read_only=True)

    class Meta:
        model = Review
        fields = ["id", "stage", "decision", "comment", "reviewer", "at"]


class ReportSerializer(serializers.ModelSerializer):
    measure = MeasureRefSerializer(source="assignment.measure", read_only=True)
    unit = UnitRefSerializer(source="assignment.unit", read_only=True)
    role = serializers.CharField(source="assignment.role", read_only=True)
    period = serializers.PrimaryKeyRelatedField(read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    versions_count = serializers.IntegerField(read_only=True)
    evidence = EvidenceNameSerializer(many=True, read_only=True)
    values = IndicatorValueSerializer(many=True, read_only=True)
    reviews = ReviewSerializer(many=True, read_only=True)
    on_time = serializers.BooleanField(
        source="filed_on_time",
        read_only=True,
        allow_null=True,
        help_text="首次报送不晚于截止日期为 true，晚于为 false，从未报送为 null",
    )

    class Meta:
        model = ProgressReport
        fields = [
            "id",
            "measure",
            "unit",
            "role",
            "period",
            "status",
            "status_display",
            "state",
            "state_display",
            "narrative",
            "actions",
            "problems",
            "next_steps",
            "highlight",
            "version",
            "versions_count",
            "updated_at",
            "submitted_at",
            "first_submitted_at",
            "on_time",
            "evidence",
            "values",
            "reviews",
        ]


# -- input -------------------------------------------------------------------------------

_VERSION_HELP = "读取报告时得到的 version；若报告已被他人保存，返回 409。"
_VERSION_ERRORS = {"required": "请提供报告的版本号 version（防止覆盖他人的修改）。"}


class ValueInputSerializer(serializers.Serializer):
    target = serializers.IntegerField(help_text="目标指标 id（须属于该任务）")
    value = serializers.FloatField(allow_null=True, help_text="null 表示删除已填报的值")
    source = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class DraftFieldsSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=ProgressReport.Status.choices,
        required=False,
        error_messages={
            "invalid_choice": "进展状态只能是 not_started、in_progress、done 或 lagging。"
        },
    )
    narrative = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    actions = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    problems = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    next_steps = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    values = ValueInputSerializer(many=True, required=False, help_text="指标实际值")


class DraftUpdateSerializer(DraftFieldsSerializer):
    version = serializers.IntegerField(
        min_value=1, help_text=_VERSION_HELP, error_messages=_VERSION_ERRORS
    )


class ReportCreateSerializer(DraftFieldsSerializer):
    measure = serializers.IntegerField(help_text="任务 id")
    period = serializers.IntegerField(help_text="报送周期 id")
    unit = serializers.IntegerField(required=False, help_text="报送单位 id；省略时为本人所在单位")


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        min_value=1, help_text=_VERSION_HELP, error_messages=_VERSION_ERRORS
    )


class ReviewInputSerializer(VersionSerializer):
    decision = serializers.ChoiceField(
        choices=Review.Decision.choices,
        error_messages={"invalid_choice": "审核意见只能是 accept（通过）或 return（退回）。"},
    )
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField(required=False)
    current_version = serializers.IntegerField(required=False)
    report = serializers.IntegerField(required=False, help_text="已有报告的编号（code=exists）")
    fields = serializers.JSONField(required=False, help_text="各字段的问题（输入有误时）")


# -- progress ----------------------------------------------------------------------------


class CompletionSerializer(serializers.Serializer):
    done = serializers.IntegerField()
    total = serializers.IntegerField()
    rate = serializers.FloatField(help_text="百分比，保留一位小数")


class ChapterCompletionSerializer(CompletionSerializer):
    """One group of the plan's measures as the ledger and the dashboard show them
    (plans.grouping): a chapter, the office's 督办事项, or the measures under no chapter.
    Named as before the groups came (clients generated from the schema keep their type)."""

    group = serializers.CharField(
        help_text="分组标识：章 id（文本，同台账的 chapter 参数）、adhoc（督办事项）、"
        "none（未分章节）"
    )
    label = serializers.CharField(help_text="分组名称：章序号和标题、督办事项或未分章节")
    chapter = serializers.IntegerField(
        allow_null=True, help_text="章 id；督办事项和未分章节的任务为 null"
    )


class TimelinessSerializer(serializers.Serializer):
    expected = serializers.IntegerField(help_text="应报（截止日期已过的各期）")
    on_time = serializers.IntegerField()
    late = serializers.IntegerField()
    missing = serializers.IntegerField()
    rate = serializers.FloatField(help_text="按时报送率，百分比")


class PlanProgressSerializer(serializers.Serializer):
    """A plan's figures as every page shows them (reporting/status.py), with each rule."""

    plan = serializers.IntegerField()
    as_of = serializers.DateField()
    completion = CompletionSerializer()
    completion_rule = serializers.CharField()
    statuses = serializers.DictField(
        child=serializers.IntegerField(), help_text="进展状态 -> 任务数"
    )
    status_rule = serializers.CharField()
    chapters = ChapterCompletionSerializer(
        many=True, help_text="按分组的完成率，顺序同台账：各章，然后督办事项，最后未分章节"
    )
    reports = TimelinessSerializer()
    reports_rule = serializers.CharField()
