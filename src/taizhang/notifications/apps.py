from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "taizhang.notifications"
    verbose_name = "消息通知"
