from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "taizhang.accounts"
    verbose_name = "账号与角色"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from taizhang.accounts.middleware import renewed_at_login

        user_logged_in.connect(renewed_at_login, dispatch_uid="taizhang_session_renewed")
