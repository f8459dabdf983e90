from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "taizhang.dashboards"
    verbose_name = "数据看板"
