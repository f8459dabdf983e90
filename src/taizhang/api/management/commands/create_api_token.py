"""Issue a new API token for an integration user and print it (shown this once; any
earlier token of the user stops working). Audited like every issue."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from taizhang.api.tokens import issue_token


class Command(BaseCommand):
    help = "为某用户发放新的接口令牌并输出（仅显示这一次，原令牌随即失效）。"

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"用户“{username}”不存在。")
        if not user.is_active:
            raise CommandError(f"用户“{username}”已停用，不能发放令牌。")
        self.stdout.write(issue_token(user, actor=None, how="create_api_token"))
