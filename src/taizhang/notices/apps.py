from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "taizhang.notices"
    verbose_name = "催办通知"
