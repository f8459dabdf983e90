from django.apps import AppConfig


class NestingConfig(AppConfig):
    name = "taizhang.nesting"
    verbose_name = "上下级方案"
