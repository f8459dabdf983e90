"""Every form and query string, cleaned of unstorable characters before a view sees it
(taizhang/web/text.py). The API's JSON bodies are cleaned by its parsers (parsers.py)."""

from __future__ import annotations

from django.http import QueryDict

from taizhang.web.text import UNSTORABLE, clean

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def cleaned_query(query: QueryDict) -> QueryDict:
    if not any(
        UNSTORABLE.search(key) or any(UNSTORABLE.search(v) for v in values)
        for key, values in query.lists()
    ):
        return query
    result = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        result.setlist(clean(key), [clean(value) for value in values])
    result._mutable = False
    return result


class CleanInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = cleaned_query(request.GET)
        if request.method == "POST" and request.content_type in FORM_TYPES:
            request.POST = cleaned_query(request.POST)
            for _, uploads in request.FILES.lists():
                for upload in uploads:
                    upload.name = clean(upload.name)
        return self.get_response(request)
