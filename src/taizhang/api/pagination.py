"""Page-number pagination whose `page` is checked like every other parameter: a value
that is not a positive whole number is refused (400), a page past the end is 404; and the
cursor pagination of the report list."""

from __future__ import annotations

import re

from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination, PageNumberPagination

PAGE = re.compile(r"[1-9][0-9]{0,8}")


class CheckedPageNumberPagination(PageNumberPagination):
    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and not PAGE.fullmatch(raw):
            message = f"参数 {self.page_query_param} 必须是正整数。"
            raise ValidationError({"detail": message, "code": "invalid"})
        return super().paginate_queryset(queryset, request, view)


class ReportCursorPagination(CursorPagination):
    """The report list, which grows by millions at province scale: pages follow the primary
    key (newest first) with an opaque `cursor`, so a page costs one indexed range read and
    no COUNT over the whole table. A cursor that was not issued by the API is refused (400)."""

    page_size = 100
    ordering = ("-id",)
    invalid_cursor_message = "参数 cursor 无效，请使用上一页响应中 next / previous 给出的地址。"

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except NotFound as error:
            raise ValidationError(
                {"detail": self.invalid_cursor_message, "code": "invalid"}
            ) from error
