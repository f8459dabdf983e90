"""Add two waves of the demo satisfaction survey to every organisation's newest plan."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from taizhang.accounts.models import Role, User
from taizhang.surveys import demo
from taizhang.units.models import Organisation


class Command(BaseCommand):
    help = "为每个组织的实施方案生成两期演示用满意度测评（含模拟答卷）"

    def handle(self, *args, **options):
        today = timezone.localdate()
        for organisation in Organisation.objects.all():
            plan = organisation.plans.order_by("-created_at").first()
            if plan is None or plan.surveys.exists():
                continue
            actor = User.objects.filter(organisation=organisation, role=Role.OFFICE_ADMIN).first()
            waves = demo.load(organisation, plan, actor, today)
            total = sum(w.responses.count() for w in waves)
            self.stdout.write(f"{organisation.name}：{len(waves)} 期测评，{total} 份模拟答卷")
