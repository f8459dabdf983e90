from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "taizhang.audit"
    verbose_name = "操作日志"
