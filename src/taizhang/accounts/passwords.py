"""The password rule Django does not ship: characters of at least three of four classes
(等保 level 3 asks for complexity: 大写字母、小写字母、数字、特殊字符中的三种)."""

from __future__ import annotations

import string

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

CLASSES = (
    ("大写字母", lambda c: c in string.ascii_uppercase),
    ("小写字母", lambda c: c in string.ascii_lowercase),
    ("数字", str.isdigit),
    ("特殊字符", lambda c: not c.isalnum() and not c.isspace()),
)


class CharacterClassesValidator:
    def __init__(self, min_classes: int = 3):
        self.min_classes = min_classes

    def classes(self, password: str) -> int:
        return sum(any(test(c) for c in password) for _, test in CLASSES)

    def validate(self, password, user=None):
        if self.classes(password) < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self):
        names = "、".join(name for name, _ in CLASSES)
        return f"密码须包含{names}中的至少{self.min_classes}种。"


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's rule, with its message in Chinese (Django 5.2's new wording has no
    translation yet)."""

    def get_error_message(self):
        return f"密码太短，至少包含 {self.min_length} 个字符。"

    def get_help_text(self):
        return f"密码至少包含 {self.min_length} 个字符。"
