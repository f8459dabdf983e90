from django.apps import AppConfig


class OutputsConfig(AppConfig):
    name = "taizhang.outputs"
    verbose_name = "输出"
