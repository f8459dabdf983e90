"""The audit log as people read it: actions, object types and changes in Chinese."""

from __future__ import annotations

ACTIONS = {
    "create": "新建",
    "update": "修改",
    "merge": "合并单位",
    "alias": "添加别名",
    "members": "设置统称成员",
    "import": "导入方案",
    "revise": "修订方案",
    "save": "保存报告",
    "submit": "报送",
    "accept": "审核通过",
    "return": "退回",
    "highlight": "标记典型做法",
    "evidence": "上传佐证材料",
    "delete": "删除",
    "urge": "催办",
    "stage": "上传待确认的方案",
    "abandon": "放弃导入",
    "purge": "清理过期导入",
    "api_token": "发放接口令牌",
    "publish": "发布考核结果",
    "regenerate": "重新生成报告章节",
    "finalise": "定稿",
    "create_account": "开通账号",
    "change_account": "修改账号",
    "reset_password": "重置密码",
    "change_password": "修改本人密码",
    "unlock": "解除登录锁定",
    "deactivate": "停用账号",
    "reactivate": "恢复账号",
    "resend": "重新发送通知",
    "channels": "设置通知渠道",
    "robot": "设置群机器人",
}

OBJECT_TYPES = {
    "unit": "单位",
    "unitalias": "单位别名",
    "collective": "统称",
    "organisation": "组织",
    "region": "行政区域",
    "plan": "实施方案",
    "measure": "任务",
    "assignment": "任务分工",
    "period": "报送周期",
    "progressreport": "进展报告",
    "evidence": "佐证材料",
    "user": "用户",
    "planimport": "方案导入",
    "scheme": "考核方案",
    "urgenotice": "催办通知",
    "publication": "公开设置",
    "annualreport": "年度报告",
    "adjustment": "加减分事项",
    "reportversion": "报告版本",
    "review": "审核记录",
}

FIELDS = {
    "name": "名称",
    "category": "类别",
    "level": "层级",
    "region": "所属区域",
    "alias": "别名",
    "merged": "并入单位",
    "assignments": "转入分工",
    "people": "转入人员",
    "phrase": "统称",
    "measures": "任务数",
    "state": "流程状态",
    "status": "进展状态",
    "narrative": "进展情况",
    "actions": "主要举措",
    "problems": "存在问题",
    "next_steps": "下步打算",
    "highlight": "典型做法",
    "file": "文件",
    "title": "标题",
    "deadline": "完成时限",
}

# The same key can mean different things per action (added members vs added measures).
FIELDS_BY_ACTION = {
    "members": {"added": "新增成员", "removed": "移出成员"},
    "revise": {"added": "新增任务", "changed": "修改任务", "withdrawn": "删除任务"},
}

VALUES = {
    "submitted": "已报送",
    "accepted": "已审核通过",
    "returned": "已退回",
    "draft": "草稿",
    "not_started": "未启动",
    "in_progress": "推进中",
    "done": "已完成",
    "lagging": "滞后",
    True: "是",
    False: "否",
}


def action_label(action: str) -> str:
    return ACTIONS.get(action, action)


def object_type_label(object_type: str) -> str:
    return OBJECT_TYPES.get(object_type, object_type)


def _value(value) -> str:
    if isinstance(value, bool) or (isinstance(value, str) and value in VALUES):
        return VALUES[value]
    if value is None or value == "" or value == []:
        return "（空）"
    if isinstance(value, list):
        return "、".join(_value(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}：{_value(v)}" for k, v in value.items())
    return str(value)


# Actions whose changes are recorded as [before, after] pairs (units' update, reports' save).
BEFORE_AFTER_ACTIONS = {"update", "save"}


def change_lines(action: str, changes) -> list[str]:
    """One readable line per changed field: "类别：政府部门 → 党委部门"."""
    if not isinstance(changes, dict):
        return [_value(changes)] if changes else []
    labels = {**FIELDS, **FIELDS_BY_ACTION.get(action, {})}
    lines = []
    for key, value in changes.items():
        label = labels.get(key, key)
        if action in BEFORE_AFTER_ACTIONS and isinstance(value, list) and len(value) == 2:
            lines.append(f"{label}：{_value(value[0])} → {_value(value[1])}")
        elif value == []:
            continue
        else:
            lines.append(f"{label}：{_value(value)}")
    return lines
