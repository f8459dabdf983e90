"""The audit log's vocabulary: every action a write path may record, and every detail key
that is not a field of the audited model, each with its Chinese label.

Each app declares its own lists in its models module, as TextChoices named `AuditAction`
and `AuditDetail`; the audit app collects them here when Django starts (AuditConfig.ready).
A code is declared once: two apps may both declare "create" only with the same label.

`audit.log.record` refuses an undeclared action or detail, so a write path that records one
fails in the tests that exercise it, and the log never shows a raw code."""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models


class UndeclaredAudit(ValueError):
    """A write path recorded an action or a detail key nobody declared."""


class ImproperlyDeclared(Exception):
    """Two apps declared one code with two labels."""


# The Chinese names of the relations most models carry without a verbose name of their own
# (Unit.region reads "region" otherwise; a deployment's database keeps those entries).
RELATION_NAMES = {
    "region": "所属地区",
    "organisation": "所属组织",
    "unit": "单位",
    "parent": "上级",
    "plan": "方案",
    "measure": "任务",
}

_actions: dict[str, str] = {}
_details: dict[str, str] = {}


def declare(kind: dict[str, str], choices: type[models.TextChoices], where: str) -> None:
    for code, label in choices.choices:
        if kind.get(code, label) != label:
            raise ImproperlyDeclared(f"{where}: {code!r} is already declared as {kind[code]!r}")
        kind[code] = str(label)


def collect() -> None:
    """Gather every installed app's AuditAction and AuditDetail (models module)."""
    for config in apps.get_app_configs():
        module = config.models_module
        for name, kind in (("AuditAction", _actions), ("AuditDetail", _details)):
            choices = getattr(module, name, None)
            if choices is not None:
                declare(kind, choices, f"{config.label}.{name}")


def actions() -> dict[str, str]:
    return dict(_actions)


def action_label(code: str) -> str:
    return _actions.get(code) or "其他操作"


def check(action: str, model: type[models.Model], changes: dict) -> None:
    """Refuse what the log could not show in words."""
    if action not in _actions:
        raise UndeclaredAudit(f"undeclared audit action {action!r}: declare it in AuditAction")
    for key in changes:
        if not is_field(model, key) and key not in _details:
            raise UndeclaredAudit(
                f"audit detail {key!r} of {action!r} is neither a field of "
                f"{model._meta.label} nor declared in an AuditDetail"
            )


def is_field(model: type[models.Model] | None, key: str) -> bool:
    """A field of the model with a name to show (not a reverse relation)."""
    if model is None:
        return False
    try:
        field = model._meta.get_field(key)
    except FieldDoesNotExist:
        return False
    return hasattr(field, "verbose_name")


def model_named(model_name: str) -> type[models.Model] | None:
    """The model an entry's object_type names (model names are unique in this project:
    tests/audit checks it)."""
    return _models().get(model_name)


def _models() -> dict[str, type[models.Model]]:
    return {model._meta.model_name: model for model in apps.get_models()}


def key_label(model: type[models.Model] | None, key: str) -> str:
    """A field's verbose name, a declared detail's label; entries written before the
    vocabulary carried Chinese keys, shown as they are."""
    if is_field(model, key):
        name = str(model._meta.get_field(key).verbose_name)
        if not name.isascii():
            return name
        # a field left with Django's default name (its own, in English: "region")
        return _details.get(key) or RELATION_NAMES.get(key, "其他")
    if key in _details:
        return _details[key]
    return key if not key.isascii() else "其他"


def value_label(model: type[models.Model] | None, key: str, value):
    """A code of a choices field as its label ("submitted" -> 已报送)."""
    if is_field(model, key) and isinstance(value, str):
        choices = dict(model._meta.get_field(key).flatchoices or ())
        return str(choices.get(value, value))
    return value
