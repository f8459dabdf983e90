"""Print the API token of an integration user, creating it on first use."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from taizhang.api.tokens import issue_token


class Command(BaseCommand):
    help = "输出某用户的接口令牌（首次调用时生成）。"

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"用户“{username}”不存在。")
        if not user.is_active:
            raise CommandError(f"用户“{username}”已停用，不能发放令牌。")
        self.stdout.write(issue_token(user, actor=None, how="create_api_token").key)
