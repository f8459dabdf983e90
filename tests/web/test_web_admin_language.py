"""The admin site speaks Chinese: its index, every model's list and one object's page carry
no English words beyond the names of things (API, IP, SHA-256…)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.urls import reverse

from taizhang.api.models import ApiToken
from taizhang.api.tokens import issue_token
from taizhang.web.models import SignIn

# Names that are the same in Chinese usage.
ALLOWED = {"API", "IP", "SHA", "ID", "Django", "Token", "URL"}
WORD = re.compile(r"[A-Za-z]{3,}")


class Text(HTMLParser):
    """The words a person reads on the page: text and the labels of buttons and fields."""

    def __init__(self):
        super().__init__()
        self.words, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        for name, value in attrs:
            if name in ("title", "placeholder", "aria-label") or (
                name == "value" and dict(attrs).get("type") in ("submit", "button")
            ):
                self.words += WORD.findall(value or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.words += WORD.findall(data)


def english(html: str, own: set[str]) -> set[str]:
    parser = Text()
    parser.feed(html)
    return {w for w in parser.words if w not in ALLOWED and w not in own}


@pytest.mark.django_db
def test_every_admin_page_is_in_chinese(client, world):
    sysadmin = world.people["sysadmin"]
    issue_token(world.people["office"])
    client.force_login(sysadmin)
    # (the names of people and what their browsers sent are data, not the admin's words)
    data = [f"{u} {u.username}" for u in world.people.values()]
    data += SignIn.objects.values_list("user_agent", flat=True)
    data += ApiToken.objects.values_list("prefix", flat=True)  # random hex, e.g. "edf1c2"
    own = set(WORD.findall(" ".join(data)))
    pages = [reverse("admin:index")]
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        first = model.objects.first()
        if first is not None:
            pages.append(reverse("admin:{}_{}_change".format(*info), args=[first.pk]))
    found = {page: english(client.get(page).content.decode(), own) for page in pages}
    assert {page: words for page, words in found.items() if words} == {}


def test_the_compiled_translations_match_their_source():
    import gettext
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "src/taizhang/locale/zh_Hans/LC_MESSAGES"
    source = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', (folder / "django.po").read_text(), re.M)
    with (folder / "django.mo").open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)
    assert source and all(catalog.gettext(msgid) == msgstr for msgid, msgstr in source)
