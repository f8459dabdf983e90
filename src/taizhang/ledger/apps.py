from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "taizhang.ledger"
    verbose_name = "任务台账"
