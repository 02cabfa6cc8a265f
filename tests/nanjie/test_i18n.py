"""The UI is Simplified Chinese: the catalogue is complete and public pages carry no untranslated English."""

import re
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
# Words that are not English prose: codes, formats and names shown as they are.
ALLOWED = {"NJ", "Atom", "QR", "English", "PDF", "CSV", "ZIP"}  # file formats as residents see them on the files


def untranslated_entries(text):
    """msgids (but the header) whose msgstr is empty; plural entries count by msgstr[0]."""
    missing = []
    for block in text.split("\n\n"):
        if "#, fuzzy" in block and 'msgid ""\nmsgstr ""\n"' not in block:
            missing.append(block)
            continue
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgstr = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', block, re.M)
        if not msgid or not msgstr:
            continue
        if "".join(re.findall(r'"(.*)"', msgid.group(1))) and not "".join(re.findall(r'"(.*)"', msgstr.group(1))):
            missing.append(block)
    return missing


def visible_words(html):
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    html = re.sub(r"(?s)<!--.*?-->", " ", html)
    text = unescape(re.sub(r"(?s)<[^>]+>", " ", html))
    return {word for word in re.findall(r"[A-Za-z]{3,}", text) if word not in ALLOWED}


def test_every_message_of_the_catalogue_is_translated():
    assert untranslated_entries(CATALOGUE.read_text(encoding="utf-8")) == []


def test_the_compiled_catalogue_is_used():
    with translation.override("zh-hans"):
        assert translation.gettext("Page not found") == "页面不存在"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/wish/", "/board/", "/stats/", "/accounts/login/", "/no-such-page/"])
def test_a_public_page_shows_no_untranslated_english(client, path):
    response = client.get(path)
    # The language switch lists "English" as itself; everything else is Chinese.
    assert visible_words(response.content.decode()) == set()
