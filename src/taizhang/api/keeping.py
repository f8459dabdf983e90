"""A list whose JSON page is kept until the organisation's data changes (taizhang.freshness,
as the web pages are): serialising a page of 100 reports is most of what the list costs.

Authentication and the permission class run first, on every request, as for any view; the
rows still come from the scoping querysets (the view's get_queryset), and only the
serialised page is kept, under the person who asks (their role, unit, region and
organisation: freshness.viewer_key) and the exact address asked for (query string, cursor,
host: the next/previous links are absolute). A bad parameter raises before anything is
kept. The browsable HTML view is drawn afresh."""

from __future__ import annotations

from django.http import HttpResponse
from rest_framework.renderers import JSONRenderer

from taizhang.freshness.kept import kept, viewer_key


class KeptListMixin:
    kept_name = ""  # the page's name in the kept key

    def list(self, request, *args, **kwargs):
        renderer = request.accepted_renderer
        if not isinstance(renderer, JSONRenderer):
            return super().list(request, *args, **kwargs)
        media_type = request.accepted_media_type

        def draw() -> bytes:
            data = super(KeptListMixin, self).list(request, *args, **kwargs).data
            return renderer.render(data, media_type, self.get_renderer_context())

        user = request.user
        body = kept(
            f"api:{self.kept_name}",
            user.organisation_id,
            draw,
            viewer=viewer_key(user),
            params=(request.build_absolute_uri(), media_type),
        )
        return HttpResponse(body, content_type=media_type)
