"""The ways a notification leaves Taizhang. Each sender takes a Delivery and either returns
(sent) or raises DeliveryFailed with the reason in Chinese, which the delivery log shows."""

from __future__ import annotations


class DeliveryFailed(Exception):
    """The channel refused or could not be reached; the message is for the office."""
