"""End to end, case by case: no leaking spelling of the table reaches the board, the feed, the home page or the
board's CSV; each harmless one is published and shows on all of them.

Each leaking text is written as the closure note (internal) and then offered as the public summary through the
branch admin's page: refused, it never reaches a public output; the notice then goes out with a plain summary,
so the outputs do have the notice (the positive control) and still not the secret.
"""

import pytest
from django.urls import reverse
from django.utils.html import escape

from requests.models import Request
from tests.nanjie.test_personal_data import HARMLESS, LEAKING
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
PLAIN = "已上门处理完毕"
OUTPUTS = ["requests:board", "requests:board_feed", "requests:home", "requests:board_export"]


@pytest.fixture
def w():
    w = world()
    # The names of the table (KNOWN) are people the portal knows: a resident, a contact, a person.
    w.known = [bring_to(w, S.ORDERED, resident_name=name) for name in ("张三丰", "赵桂兰", "Zhang Wei")]
    return w


def _closed(w, note):
    wish = bring_to(w, S.ACCEPTED)
    wish.close(note, by=w.nurse)
    return wish


def _publicise(client, w, wish, summary):
    client.force_login(w.branch)
    return client.post(reverse("requests:act", args=[wish.reference, "publicise"]), {"publicise-summary": summary})


def _public(client):
    client.logout()
    bodies = []
    for name in OUTPUTS:
        response = client.get(reverse(name))
        bodies.append((b"".join(response.streaming_content) if response.streaming else response.content).decode())
    return bodies


@pytest.mark.parametrize(("text", "secret", "kind"), LEAKING, ids=[case[0] for case in LEAKING])
def test_a_leaking_summary_is_refused_and_reaches_no_public_output(w, client, text, secret, kind):
    wish = _closed(w, text)
    refused = _publicise(client, w, wish, text)
    assert refused.status_code == 200
    assert Request.objects.get(pk=wish.pk).state == S.CLOSED
    assert _publicise(client, w, wish, PLAIN).status_code == 302
    outputs = _public(client)
    assert all(wish.reference in body for body in outputs)
    assert [name for name, body in zip(OUTPUTS, outputs, strict=True) if secret.lower() in body.lower()] == []


@pytest.mark.parametrize("text", HARMLESS)
def test_a_harmless_summary_is_published_on_every_public_output(w, client, text):
    wish = _closed(w, "已上门")
    assert _publicise(client, w, wish, text).status_code == 302
    board, feed, home, table = _public(client)
    # The page escapes once; the feed's HTML summary is escaped, then escaped again as XML.
    assert escape(text) in board
    assert escape(text) in home
    assert escape(escape(text)) in feed
    assert text in table
