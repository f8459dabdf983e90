"""Which group a measure stands in wherever a plan's measures are shown by chapter: the
ledger (its page, print view, tabs and export), the public page and the supervision board's
按篇章 view and chapter filter, the dashboard's 按章节完成情况 (through reporting.status), the
API's completion by group (api.views.PlanProgress) and its measures' ``?chapter=`` filter
(api.filters.apply_group), and the annual report's 分章节 counts and
quotes (annual_reports.data) all ask here.

The rule: a measure's chapter; a 督办事项 without one (a measure with a source,
plans/adhoc.py) in a group of its own, ``ADHOC_GROUP`` labelled ``ADHOC_LABEL``, after the
last chapter; None for any other measure without a chapter (a plan with no chapters, a
measure before the first one), under no heading."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.db.models import Case, CharField, F, Value, When
from django.db.models.functions import Cast

# The group of the office's 督办事项 (plans/adhoc.py): after the last chapter.
ADHOC_GROUP = "adhoc"
ADHOC_LABEL = "督办事项"
# The measures under no chapter, where a page lists them as a group of their own (the
# dashboard, the API): after the 督办事项. ``NO_CHAPTER_NAME`` is its key as text.
NO_CHAPTER_LABEL = "未分章节"
NO_CHAPTER_NAME = "none"


def group_of(measure) -> int | str | None:
    """The group of ``measure``: its chapter's id, ``ADHOC_GROUP`` or None (the rule above).
    Asks the measure's ``source``: load it with ``select_related("source")``."""
    return group_key(measure.chapter_id, getattr(measure, "source", None) is not None)


def group_key(chapter_id: int | None, has_source: bool) -> int | str | None:
    """The rule on plain values: a chapter's id, else ``ADHOC_GROUP`` for a measure with a
    source, else None."""
    if chapter_id is not None:
        return chapter_id
    if has_source:
        return ADHOC_GROUP
    return None


def group_expression(prefix: str = ""):
    """The same rule in SQL, for querysets that group or filter in the database: the
    chapter's id as text, ``ADHOC_GROUP`` for a 督办事项 without a chapter, else NULL.
    ``prefix`` leads to the measure ("measure__" from an assignment)."""
    return Case(
        When(
            **{f"{prefix}chapter_id__isnull": False},
            then=Cast(F(f"{prefix}chapter_id"), CharField()),
        ),
        When(**{f"{prefix}source__isnull": False}, then=Value(ADHOC_GROUP)),
        default=Value(None),
        output_field=CharField(),
    )


@dataclass(frozen=True)
class Group:
    """One group as a page names it: ``key`` is the rule's value (group_key)."""

    key: int | str | None
    label: str  # 二、增强全社会法治观念 / 督办事项 / 未分章节

    @property
    def chapter_id(self) -> int | None:
        return None if self.key is None or self.key == ADHOC_GROUP else self.key

    @property
    def name(self) -> str:
        """The key as text, the same for the same group on every call: the chapter's id
        (as the ledger's ``?chapter=``), ``ADHOC_GROUP`` or ``NO_CHAPTER_NAME``."""
        return NO_CHAPTER_NAME if self.key is None else str(self.key)


def in_order(chapters: Iterable, keys: Collection) -> list[Group]:
    """The groups among ``keys`` (group_key values, those holding a measure) in the order
    the pages show them: the plan's ``chapters`` in their order, then the 督办事项, then
    the measures under no chapter."""
    groups = [Group(chapter.pk, str(chapter)) for chapter in chapters if chapter.pk in keys]
    if ADHOC_GROUP in keys:
        groups.append(Group(ADHOC_GROUP, ADHOC_LABEL))
    if None in keys:
        groups.append(Group(None, NO_CHAPTER_LABEL))
    return groups
