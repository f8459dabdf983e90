"""Pages of urging notices: drafting and issuing one for a unit, the .docx, the lists (the
organisation's, a unit's) and the escalation ladder of a measure."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from taizhang.accounts.access import load, require
from taizhang.notices import handling
from taizhang.notices import services as notices
from taizhang.notices.models import UrgeNotice
from taizhang.notices.queries import ladders, visible_notices, with_reminders
from taizhang.plans.models import Measure, Plan
from taizhang.reporting.forms import optional_evidence
from taizhang.units.models import Unit
from taizhang.web.downloads import DOCX, attachment, download
from taizhang.web.views import ActionView

PAGE_SIZE = 50
LEVEL_BADGES = {"reminder": "in_progress", "urge": "lagging", "circular": "returned"}


NOTICES = with_reminders(
    UrgeNotice.objects.select_related("unit__organisation", "organisation", "created_by")
)
PLANS = Plan.objects.select_related("organisation", "region")
UNITS = Unit.objects.select_related("organisation", "region")
MEASURES = Measure.objects.select_related("plan", "chapter")


def notice_for(user, notice_id: int) -> UrgeNotice:
    return load(user, NOTICES, notice_id, "notices.view_notice")


# -- issuing -----------------------------------------------------------------------------------


class NoticeForm(forms.Form):
    level = forms.ChoiceField(
        label="通知级别", choices=UrgeNotice.Level.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(
        label="标题", max_length=200, widget=forms.TextInput(attrs={"style": "width: 100%"})
    )
    body = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 8}))
    items = forms.MultipleChoiceField(
        label="逾期事项", widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = [(i["key"], i["detail"]) for i in items]
        self.fields["title"].error_messages["required"] = "请填写通知标题。"
        self.fields["body"].error_messages["required"] = "请填写通知正文。"


class NoticeCreateView(LoginRequiredMixin, View):
    """The office drafts a notice for a unit from what it owes on a plan, adjusts the
    text, and issues it. "按所选级别重新生成" rewrites the text for another level without
    JavaScript and without saving anything."""

    template_name = "notices/form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("notices.issue_notices"):
            raise PermissionDenied("只有依法治理办可以发出催办通知。")
        return super().dispatch(request, *args, **kwargs)

    def load(self, request, plan_id, unit_id):
        refused = "催办通知由方案所属的依法治理办发出（县级方案：县级依法治理办）。"
        plan = load(request.user, PLANS, plan_id, "notices.urge_on_plan", refused)
        unit = load(request.user, UNITS, unit_id, "notices.issue_notice")
        return plan, unit

    def get(self, request, plan_id, unit_id):
        plan, unit = self.load(request, plan_id, unit_id)
        draft = notices.draft(unit, plan, timezone.localdate())
        form = NoticeForm(
            items=draft.items,
            initial={
                "level": draft.level,
                "title": draft.title,
                "body": draft.body,
                "items": [i["key"] for i in draft.items],
            },
        )
        return self.render(request, draft, form)

    def post(self, request, plan_id, unit_id):
        plan, unit = self.load(request, plan_id, unit_id)
        today = timezone.localdate()
        level = request.POST.get("level")
        draft = notices.draft(unit, plan, today, level)
        form = NoticeForm(request.POST, items=draft.items)
        if not form.is_valid():
            messages.error(request, _first_error(form))
            return self.render(request, draft, form, status=400)
        data = form.cleaned_data
        try:
            notice = notices.issue(
                unit,
                plan,
                request.user,
                today,
                data["level"],
                data["title"],
                data["body"],
                data["items"],
            )
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
            return self.render(request, draft, form, status=400)
        messages.success(
            request, f"已发出{notice.get_level_display()}通知（{notice.number}），请下载通知文件。"
        )
        return redirect("notices:detail", notice_id=notice.pk)

    def render(self, request, draft, form, status=200):
        context = {
            "draft": draft,
            "form": form,
            "plan": draft.plan,
            "unit": draft.unit,
            "suggested_label": UrgeNotice.Level(draft.suggested_level).label,
            "level_label": UrgeNotice.Level(draft.level).label,
            "badges": LEVEL_BADGES,
        }
        return render(request, self.template_name, context, status=status)


def _first_error(form) -> str:
    for errors in form.errors.values():
        return errors[0]
    return "请检查填写的内容。"


# -- reading -----------------------------------------------------------------------------------


class NoticeDetailView(LoginRequiredMixin, View):
    def get(self, request, notice_id):
        notice = notice_for(request.user, notice_id)
        return self.render(request, notice)

    def render(self, request, notice, answer_form=None, settle_form=None, status=200):
        measures = list(notice.measures.order_by("number"))
        user = request.user
        may_handle = user.has_perm("notices.handle_notice", notice)
        may_settle = user.has_perm("notices.settle_notice", notice)
        State = UrgeNotice.State
        context = {
            "replies": list(notice.replies.select_related("by", "decided_by")),
            "states": State,
            "may_sign": may_handle and notice.state == State.ISSUED,
            "may_answer": may_handle and notice.state in UrgeNotice.UNIT_OWES,
            "may_settle": may_settle and notice.state == State.ANSWERED,
            "answer_form": answer_form or AnswerForm(),
            "settle_form": settle_form or SettleForm(),
            "notice": notice,
            "addressee": notices.addressee(notice.level, notice.unit),
            "paragraphs": [p.strip() for p in notice.body.splitlines() if p.strip()],
            "rows": notices.rows_of(notice.items),
            "measures": measures,
            "badges": LEVEL_BADGES,
        }
        return render(request, "notices/detail.html", context, status=status)


# -- the closed loop: 签收, 反馈, 办结 or 退回 ---------------------------------------------------


class AnswerForm(forms.Form):
    text = forms.CharField(
        label="落实情况",
        max_length=handling.MAX_REPLY_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "请填写落实情况。",
            "max_length": f"落实情况请精简到{handling.MAX_REPLY_TEXT}字以内。",
        },
    )
    file = optional_evidence()


class SettleForm(forms.Form):
    comment = forms.CharField(
        label="意见",
        required=False,
        max_length=handling.MAX_COMMENT_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": f"意见请精简到{handling.MAX_COMMENT_TEXT}字以内。"},
    )


class NoticeActionView(ActionView):
    """One step of a notice's handling, back to the notice (or the notice again with the
    form's error)."""

    queryset = NOTICES
    pk_url_kwarg = "notice_id"
    form_name = ""

    def done(self, result):
        return redirect("notices:detail", notice_id=self.object.pk)

    def invalid(self, form):
        messages.error(self.request, _first_error(form))
        forms = {self.form_name: form} if self.form_name else {}
        notice = notice_for(self.request.user, self.object.pk)
        return NoticeDetailView().render(self.request, notice, **forms, status=400)


class NoticeSignView(NoticeActionView):
    permission = "notices.handle_notice"
    refused = "只有被督办单位可以签收该通知。"
    success_message = "已签收。请在办理后填写落实情况并反馈。"

    def act(self, form):
        return handling.sign(self.object, self.request.user)


class NoticeAnswerView(NoticeActionView):
    permission = "notices.handle_notice"
    refused = "只有被督办单位可以反馈落实情况。"
    form_class = AnswerForm
    form_name = "answer_form"
    success_message = "已反馈落实情况，等待依法治理办办结。"

    def get_form(self, data=None, files=None):
        return AnswerForm(data, files)

    def act(self, form):
        data = form.cleaned_data
        return handling.answer(self.object, self.request.user, data["text"], data["file"])


class NoticeCloseView(NoticeActionView):
    permission = "notices.settle_notice"
    refused = "只有依法治理办可以办结催办事项。"
    form_class = SettleForm
    form_name = "settle_form"
    success_message = "已办结。"

    def act(self, form):
        return handling.close(self.object, self.request.user, form.cleaned_data["comment"])


class NoticeSendBackView(NoticeCloseView):
    refused = "只有依法治理办可以退回催办反馈。"
    success_message = "已退回，单位将按意见重新反馈。"

    def act(self, form):
        return handling.send_back(self.object, self.request.user, form.cleaned_data["comment"])


class ReplyFileView(LoginRequiredMixin, View):
    """The evidence file of a reply, to whoever may see the notice."""

    def get(self, request, notice_id, reply_id):
        notice = notice_for(request.user, notice_id)
        reply = notice.replies.filter(pk=reply_id).exclude(file="").first()
        if reply is None:
            raise Http404("材料不存在。")
        with reply.file.open("rb") as stored:
            content = stored.read()
        suffix = reply.original_name[reply.original_name.rfind(".") :]
        return download(
            content, reply.content_type, reply.original_name, f"reply-{reply.pk}{suffix}"
        )


class NoticeDocumentView(LoginRequiredMixin, View):
    """The notice's .docx as it was stored when issued (or rebuilt from its record)."""

    def get(self, request, notice_id):
        notice = notice_for(request.user, notice_id)
        if notice.document:
            with notice.document.open("rb") as stored:
                content = stored.read()
        else:
            content = notices.render(notice)
        response = HttpResponse(content, content_type=DOCX)
        response["Content-Disposition"] = attachment(
            f"{notice.number}{notice.title}.docx", f"notice-{notice.pk}.docx"
        )
        return response


class NoticeRedraftView(NoticeCreateView):
    """ "按所选级别重新生成": the draft's title and body again for the level chosen,
    counting the items as ticked. Saves nothing."""

    http_method_names = ["post"]

    def post(self, request, plan_id, unit_id):
        plan, unit = self.load(request, plan_id, unit_id)
        level, ticked = request.POST.get("level"), request.POST.getlist("items")
        draft = notices.draft(unit, plan, timezone.localdate(), level, ticked)
        data = request.POST.copy()
        data["title"], data["body"] = draft.title, draft.body
        return self.render(request, draft, NoticeForm(data, items=draft.items))


class NoticeListView(LoginRequiredMixin, View):
    """The organisation's notices (each person sees what rules let them: the office and
    leaders all, a unit its own, a county office its county's units')."""

    template_name = "notices/list.html"

    def get(self, request):
        require(request.user, "notices.view_notices")
        return self.page(request, visible_notices(request.user), unit=None)

    def page(self, request, queryset, unit):
        level = request.GET.get("level", "")
        if level in UrgeNotice.Level.values:
            queryset = queryset.filter(level=level)
        queryset = queryset.order_by("-issued_on", "-created_at", "-pk")
        page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            "page": page,
            "notices": page.object_list,
            "unit": unit,
            "level": level,
            "levels": UrgeNotice.Level.choices,
            "badges": LEVEL_BADGES,
            "may_issue": unit is not None and request.user.has_perm("notices.issue_notice", unit),
        }
        if context["may_issue"]:
            # Only the plans this person may urge on: a county office sees its units'
            # tasks in the prefecture's plan, whose notices the prefecture's office sends.
            carried = Plan.objects.filter(measures__assignments__unit=unit).distinct()
            context["plans"] = [
                plan
                for plan in carried.order_by("-pk")
                if request.user.has_perm("notices.urge_on_plan", plan)
            ]
        return render(request, self.template_name, context)


class UnitNoticesView(NoticeListView):
    def get(self, request, unit_id):
        unit = load(request.user, UNITS, unit_id, "notices.view_unit_notices")
        return self.page(request, visible_notices(request.user).filter(unit=unit), unit=unit)


class MeasureNoticesView(LoginRequiredMixin, View):
    """The escalation ladder of a measure: every notice that cited it, per unit, in
    order (提醒 → 催办 → 通报)."""

    def get(self, request, measure_id):
        measure = load(request.user, MEASURES, measure_id)
        require(request.user, "plans.view_measure", measure)
        context = {
            "measure": measure,
            "ladders": ladders(request.user, measure),
            "rungs": UrgeNotice.Level.choices,
            "badges": LEVEL_BADGES,
        }
        return render(request, "notices/measure.html", context)
