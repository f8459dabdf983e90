"""The declared events people are told about. An app that tells people something new adds
its event here (a code and a Chinese label) and calls ``notifications.notify`` from its
write path; nothing else changes."""

from django.db import models


class Event(models.TextChoices):
    REPORT_DUE = "report_due", "报送提醒（黄灯）"
    REPORT_OVERDUE = "report_overdue", "逾期提醒（红灯）"
    REPORT_RETURNED = "report_returned", "报告被退回"
    REPORT_WITHDRAWN = "report_withdrawn", "报告已撤回"
    REPORT_REOPENED = "report_reopened", "审核通过已撤销"
    REVIEW_WAITING = "review_waiting", "待审核提醒"
    REVIEW_ARRIVED = "review_arrived", "新报告待审核"
    NOTICE_ISSUED = "notice_issued", "催办通知"
    NOTICE_UNSIGNED = "notice_unsigned", "催办通知未签收"
    NOTICE_ANSWERED = "notice_answered", "催办反馈待办结"
    NOTICE_CLOSED = "notice_closed", "催办事项已办结"
    NOTICE_RETURNED = "notice_returned", "催办反馈被退回"
    CLOSURE_APPLIED = "closure_applied", "办结申请待销号"
    CLOSURE_CONFIRMED = "closure_confirmed", "任务已销号"
    CLOSURE_RETURNED = "closure_returned", "办结申请被退回"
    CLOSURE_REOPENED = "closure_reopened", "任务重新打开"
    ADHOC_ASSIGNED = "adhoc_assigned", "督办事项交办"
    ADHOC_RENUMBERED = "adhoc_renumbered", "督办事项编号调整"
    ACCOUNT_CREATED = "account_created", "账号开通"
    CHANNEL_TEST = "channel_test", "渠道测试"
    JOB_FINISHED = "job_finished", "后台任务完成"
    EXEMPTION_REQUESTED = "exemption_requested", "不涉及申请"
    EXEMPTION_DECIDED = "exemption_decided", "不涉及申请审批结果"
    EXTENSION_REQUESTED = "extension_requested", "延期申请"
    EXTENSION_DECIDED = "extension_decided", "延期申请审批结果"


# Events that concern one person only: never posted to a unit's group chat.
PERSONAL = frozenset({Event.ACCOUNT_CREATED, Event.JOB_FINISHED})
