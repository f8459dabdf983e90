"""Input of the notification pages."""

from __future__ import annotations

from django import forms

from taizhang.notifications.models import Channel, Delivery


class PreferenceForm(forms.Form):
    email = forms.BooleanField(label="同时发送到我的邮箱", required=False)
    sms = forms.BooleanField(label="同时发送短信到我的手机", required=False)


class ChannelsForm(forms.Form):
    email = forms.BooleanField(label="电子邮件", required=False)
    sms = forms.BooleanField(label="短信", required=False)
    wecom = forms.BooleanField(label="企业微信群机器人", required=False)
    dingtalk = forms.BooleanField(label="钉钉群机器人", required=False)


class RobotForm(forms.Form):
    webhook = forms.CharField(
        label="Webhook 地址",
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"size": 70}),
        help_text="在群聊中添加机器人后复制其 Webhook 地址；留空并保存即删除该机器人。",
    )
    secret = forms.CharField(
        label="加签密钥",
        max_length=200,
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="钉钉机器人“加签”安全设置中以 SEC 开头的密钥；留空则保持原密钥不变。",
    )
    enabled = forms.BooleanField(label="启用", required=False, initial=True)


class LogFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部状态"), *Delivery.Status.choices]
    )
    channel = forms.ChoiceField(
        label="渠道",
        required=False,
        choices=[("", "外发渠道（邮件、短信、群机器人）"), *Channel.choices],
    )
