from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "taizhang.reporting"
    verbose_name = "进展报送"
