from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "taizhang.web"
    label = "web"
    verbose_name = "页面基础"
