from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "taizhang.public"
    verbose_name = "公开进展"
