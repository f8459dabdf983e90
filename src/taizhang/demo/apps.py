from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "taizhang.demo"
    verbose_name = "演示数据"
