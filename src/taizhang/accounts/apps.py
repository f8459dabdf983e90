from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "taizhang.accounts"
    verbose_name = "账号与角色"

    def ready(self):
        # The admin site has discovered its models by now (django.contrib.admin comes
        # first in INSTALLED_APPS); the rules are imported to register them.
        from taizhang.accounts import rules

        rules.grant_admin_site()
