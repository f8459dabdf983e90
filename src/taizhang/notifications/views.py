"""Pages of notifications: the message centre (everyone), one's preferences, and for the
office the delivery log with resend, the organisation's channels and the units' group
robots. Changes go through notifications.actions."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from taizhang.accounts.access import require
from taizhang.notifications import actions
from taizhang.notifications.api import Message, notify
from taizhang.notifications.channels import sms
from taizhang.notifications.events import Event
from taizhang.notifications.forms import ChannelsForm, LogFilterForm, PreferenceForm, RobotForm
from taizhang.notifications.models import (
    ROBOTS,
    Channel,
    Delivery,
    OrganisationChannels,
    Preference,
    UnitRobot,
)
from taizhang.units.models import Unit

PAGE_SIZE = 50
NO_ROBOT = "没有可用的群机器人：请先保存 Webhook 地址，并在“通知渠道”中启用该平台。"


def _own_messages(user):
    return (
        Delivery.objects.filter(recipient=user, channel=Channel.IN_APP)
        .select_related("notification")
        .order_by("-created_at", "-id")
    )


class MessagesView(LoginRequiredMixin, View):
    def get(self, request):
        shown = request.GET.get("show", "")
        deliveries = _own_messages(request.user)
        if shown == "unread":
            deliveries = deliveries.filter(read_at__isnull=True)
        page = Paginator(deliveries, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "notifications/messages.html",
            {
                "page": page,
                "show": shown,
                "unread": _own_messages(request.user).filter(read_at__isnull=True).count(),
            },
        )


class OpenMessageView(LoginRequiredMixin, View):
    """Follow a message to what it is about; it counts as read."""

    def get(self, request, delivery_id):
        delivery = get_object_or_404(_own_messages(request.user), pk=delivery_id)
        actions.mark_read(request.user, Delivery.objects.filter(pk=delivery.pk))
        link = delivery.notification.link
        if link and url_has_allowed_host_and_scheme(link, allowed_hosts=None):
            return redirect(link)
        return redirect("notifications:messages")


class ReadAllView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        count = actions.mark_read(request.user, _own_messages(request.user))
        messages.success(request, f"已将 {count} 条消息标为已读。" if count else "没有未读消息。")
        return redirect("notifications:messages")


class PreferencesView(LoginRequiredMixin, View):
    template_name = "notifications/preferences.html"

    def get(self, request):
        preference = Preference.objects.filter(user=request.user).first() or Preference()
        form = PreferenceForm(initial={"email": preference.email, "sms": preference.sms})
        return self.page(request, form)

    def post(self, request):
        form = PreferenceForm(request.POST)
        if form.is_valid():
            actions.set_preference(
                request.user, form.cleaned_data["email"], form.cleaned_data["sms"]
            )
            messages.success(request, "通知设置已保存。")
            return redirect("notifications:preferences")
        return self.page(request, form, status=400)

    def page(self, request, form, status=200):
        organisation = request.user.organisation
        channels = OrganisationChannels.of(organisation)
        context = {
            "form": form,
            "channels": channels,
            "sms_available": sms.gateway() is not None,
            "session_idle_minutes": settings.SESSION_COOKIE_AGE // 60,
        }
        return render(request, "notifications/preferences.html", context, status=status)


# -- the office --------------------------------------------------------------------------------


class DeliveryLogView(LoginRequiredMixin, View):
    def get(self, request):
        require(request.user, "notifications.view_delivery_log")
        deliveries = (
            Delivery.objects.filter(notification__organisation_id=request.user.organisation_id)
            .select_related("notification", "recipient", "unit")
            .order_by("-created_at", "-id")
        )
        form = LogFilterForm(request.GET or None)
        chosen = form.cleaned_data if form.is_valid() else {}
        if chosen.get("status"):
            deliveries = deliveries.filter(status=chosen["status"])
        if chosen.get("channel"):
            deliveries = deliveries.filter(channel=chosen["channel"])
        else:  # the message centre's copies are delivered by being written
            deliveries = deliveries.exclude(channel=Channel.IN_APP)
        page = Paginator(deliveries, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "notifications/log.html",
            {"page": page, "form": form, "query": query.urlencode(), "robots": ROBOTS},
        )


class ResendView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, delivery_id):
        require(request.user, "notifications.view_delivery_log")
        delivery = get_object_or_404(
            Delivery.objects.select_related("notification"),
            pk=delivery_id,
            notification__organisation_id=request.user.organisation_id,
        )
        require(request.user, "notifications.resend", delivery)
        try:
            actions.resend(delivery, request.user)
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, f"已重新安排发送：{delivery.address}。")
        return redirect("notifications:log")


class ChannelsView(LoginRequiredMixin, View):
    template_name = "notifications/channels.html"

    def get(self, request):
        require(request.user, "notifications.manage_channels")
        channels = self.channels(request)
        form = ChannelsForm(initial={f: getattr(channels, f) for f in actions.CHANNEL_FIELDS})
        return self.page(request, form)

    def post(self, request):
        require(request.user, "notifications.manage_channels")
        form = ChannelsForm(request.POST)
        if form.is_valid():
            actions.set_channels(request.user.organisation, request.user, **form.cleaned_data)
            messages.success(request, "通知渠道已保存。")
            return redirect("notifications:channels")
        return self.page(request, form, status=400)

    def channels(self, request):
        organisation = request.user.organisation
        return OrganisationChannels.of(organisation)

    def page(self, request, form, status=200):
        units = list(
            Unit.objects.filter(organisation_id=request.user.organisation_id).order_by(
                "level", "name"
            )
        )
        robots = {}
        for robot in UnitRobot.objects.filter(unit__in=units):
            robots.setdefault(robot.unit_id, []).append(robot)
        for unit in units:
            unit.robot_list = robots.get(unit.pk, [])
        context = {"form": form, "units": units, "sms_available": sms.gateway() is not None}
        return render(request, self.template_name, context, status=status)


class RobotView(LoginRequiredMixin, View):
    """A unit's group robots: one form per platform; POST with ``test`` sends a test
    message to the robots saved."""

    template_name = "notifications/robot.html"

    def unit(self, request, unit_id):
        require(request.user, "notifications.manage_channels")
        unit = Unit.objects.filter(pk=unit_id, organisation_id=request.user.organisation_id)
        found = unit.first()
        if found is None:
            raise Http404("没有找到该单位。")
        require(request.user, "notifications.change_robot", found)
        return found

    def forms(self, unit, data=None):
        saved = {r.kind: r for r in UnitRobot.objects.filter(unit=unit)}
        forms = {}
        for kind in ROBOTS:
            robot = saved.get(kind)
            initial = {"webhook": robot.webhook, "enabled": robot.enabled} if robot else {}
            forms[kind] = RobotForm(data, prefix=kind, initial=initial or {"enabled": True})
            forms[kind].label = Channel(kind).label
            forms[kind].has_secret = bool(robot and robot.secret)
        return forms

    def get(self, request, unit_id):
        unit = self.unit(request, unit_id)
        return self.page(request, unit, self.forms(unit))

    def post(self, request, unit_id):
        unit = self.unit(request, unit_id)
        if "test" in request.POST:
            return self.test(request, unit)
        forms = self.forms(unit, request.POST)
        if all(form.is_valid() for form in forms.values()):
            try:
                for kind, form in forms.items():
                    data = form.cleaned_data
                    actions.set_robot(
                        unit,
                        request.user,
                        kind,
                        data["webhook"],
                        data["secret"] or None,
                        data["enabled"],
                    )
            except ValidationError as error:
                forms[kind].add_error("webhook", error)
            else:
                messages.success(request, f"已保存“{unit.name}”的群机器人。")
                return redirect("notifications:robot", unit_id=unit.pk)
        return self.page(request, unit, forms, status=400)

    def test(self, request, unit):
        stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
        notification = notify(
            unit.organisation,
            Message(
                Event.CHANNEL_TEST,
                f"channel_test:{unit.pk}:{stamp}",
                "台账群机器人测试消息",
                f"这是{unit.name}群机器人的测试消息，收到即表示设置正确。",
            ),
            units=[unit],
        )
        if notification.deliveries.exists():
            messages.success(request, "已发送测试消息，请在群聊中查看；结果见“发送记录”。")
        else:
            messages.warning(
                request, "没有可用的群机器人：请先保存 Webhook 地址并在“通知渠道”中启用该平台。"
            )
        return redirect("notifications:robot", unit_id=unit.pk)

    def page(self, request, unit, forms, status=200):
        context = {"unit": unit, "forms": forms}
        return render(request, self.template_name, context, status=status)
