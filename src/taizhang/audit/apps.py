from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "taizhang.audit"
    verbose_name = "操作日志"

    def ready(self):
        from taizhang.audit import vocabulary  # needs the app registry, ready only now

        vocabulary.collect()
