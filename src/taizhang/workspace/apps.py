from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "taizhang.workspace"
    verbose_name = "工作台"
