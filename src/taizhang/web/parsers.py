"""The API's request parsers: DRF's own, with every string of the body cleaned of
unstorable characters (taizhang/web/text.py), as the middleware does for HTML forms."""

from __future__ import annotations

from rest_framework import parsers
from rest_framework.parsers import DataAndFiles

from taizhang.web.middleware import cleaned_query
from taizhang.web.text import clean, clean_data


class CleanJSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return clean_data(super().parse(stream, media_type, parser_context))


class CleanFormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return cleaned_query(super().parse(stream, media_type, parser_context))


class CleanMultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        for _, uploads in parsed.files.lists():
            for upload in uploads:
                upload.name = clean(upload.name)
        return DataAndFiles(cleaned_query(parsed.data), parsed.files)
