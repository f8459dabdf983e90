from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "taizhang.notices"
    verbose_name = "催办通知"

    def ready(self):
        # The 未签收 scan joins the reminders, and the handling state the supervision
        # board (supervision cannot import notices).
        from taizhang.notices import queries, reminders  # noqa: F401
