"""The labels public pages print beside the notices pass the personal-data check too: the stats page's figures,
and the board's own words (a label with a number in it must not read as a house number or a phone)."""

import pytest
from django.urls import reverse

from nanjie.figures import figures
from nanjie.personal_data import find
from requests.statistics.figures import structure

pytestmark = pytest.mark.django_db


def test_every_label_and_value_of_the_stats_page_passes_the_check():
    assert [(str(label), value) for label, value, said in structure() if find(f"{label} {value} {said}")] == []


def test_every_registered_figure_label_passes_the_check():
    assert [str(f.label) for f in figures if find(f"{f.label} {f.how} {f.reported}")] == []


def test_the_board_page_itself_passes_the_check(client):
    import re
    from html import unescape

    html = client.get(reverse("requests:board")).content.decode()
    text = unescape(re.sub(r"(?s)<(script|style)\b.*?</\1>|<[^>]+>", " ", html))
    assert find(text) == []
