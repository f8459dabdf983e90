"""Page-number pagination whose `page` is checked like every other parameter: a value
that is not a positive whole number is refused (400), a page past the end is 404."""

from __future__ import annotations

import re

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

PAGE = re.compile(r"[1-9][0-9]{0,8}")


class CheckedPageNumberPagination(PageNumberPagination):
    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and not PAGE.fullmatch(raw):
            message = f"参数 {self.page_query_param} 必须是正整数。"
            raise ValidationError({"detail": message, "code": "invalid"})
        return super().paginate_queryset(queryset, request, view)
