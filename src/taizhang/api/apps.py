from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "taizhang.api"
    verbose_name = "接口"
