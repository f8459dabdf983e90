"""The API's request parser: DRF's JSON parser, with every string of the body cleaned of
unstorable characters (taizhang/web/text.py), as the middleware does for HTML forms."""

from __future__ import annotations

from rest_framework import parsers

from taizhang.web.text import clean_data


class CleanJSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return clean_data(super().parse(stream, media_type, parser_context))
