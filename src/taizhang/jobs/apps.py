from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "taizhang.jobs"
    verbose_name = "后台任务"
