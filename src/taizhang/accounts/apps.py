from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "taizhang.accounts"
    verbose_name = "账号与角色"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        # The admin site has discovered its models by now (django.contrib.admin comes
        # first in INSTALLED_APPS); the rules are imported to register them.
        from taizhang.accounts import rules
        from taizhang.accounts.middleware import renewed_at_login

        rules.grant_admin_site()
        user_logged_in.connect(renewed_at_login, dispatch_uid="taizhang_session_renewed")
