"""The audit log as people read it: actions, object types and changes in Chinese, all from
the vocabulary (audit/vocabulary.py) and the models' own verbose names."""

from __future__ import annotations

from taizhang.audit import vocabulary

action_label = vocabulary.action_label

BOOLEANS = {True: "是", False: "否"}
# Details whose value is a list of names, never a [before, after] pair.
LISTS = {"added", "removed", "indicators", "members_added", "members_removed", "options"}
EMPTY = "（空）"


def object_type_label(object_type: str) -> str:
    model = vocabulary.model_named(object_type)
    return str(model._meta.verbose_name) if model is not None else "其他对象"


def _value(value) -> str:
    if isinstance(value, bool):
        return BOOLEANS[value]
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, list):
        return "、".join(_value(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}：{_pair_or_value(v)}" for k, v in value.items())
    return str(value)


def _pair_or_value(value) -> str:
    if isinstance(value, list) and len(value) == 2:
        return f"{_value(value[0])} → {_value(value[1])}"
    return _value(value)


def change_lines(action: str, changes, object_type: str = "") -> list[str]:
    """One readable line per change: "类别：政府部门 → 党委部门". A change of a field is
    recorded as [before, after]; a list of names (members added) is a value."""
    if not isinstance(changes, dict):
        return [_value(changes)] if changes else []
    model = vocabulary.model_named(object_type)
    lines = []
    for key, value in changes.items():
        label = vocabulary.key_label(model, key)
        if _is_change(key, value):
            before, after = (vocabulary.value_label(model, key, v) for v in value)
            lines.append(f"{label}：{_value(before)} → {_value(after)}")
        elif value in ([], {}):
            continue
        else:
            lines.append(f"{label}：{_value(vocabulary.value_label(model, key, value))}")
    return lines


def _is_change(key: str, value) -> bool:
    if not isinstance(value, list) or len(value) != 2:
        return False
    # a list detail changes as [[...], [...]]; two names are the list itself
    return key not in LISTS or all(isinstance(v, list) or v is None for v in value)
