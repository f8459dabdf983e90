from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "taizhang.people"
    verbose_name = "账号管理"
