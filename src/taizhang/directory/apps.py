from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "taizhang.directory"
    verbose_name = "单位名录页面"
