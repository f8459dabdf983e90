"""Email through Django's mail framework (SMTP in production, files in var/mail for the
demo; see settings)."""

from __future__ import annotations

import smtplib

from django.core.mail import EmailMessage

from taizhang.notifications.channels import DeliveryFailed


def send(address: str, title: str, body: str, url: str) -> None:
    text = f"{body}\n\n在台账中查看：{url}" if url else body
    text += "\n\n（本邮件由台账系统自动发送，请勿直接回复。）"
    try:
        EmailMessage(subject=f"【台账】{title}", body=text, to=[address]).send()
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryFailed("邮件服务器拒收或无法连接") from error
