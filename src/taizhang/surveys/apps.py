from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "taizhang.surveys"
    verbose_name = "群众满意度测评"
