"""A public API: readable from any origin, cacheable by anyone; staff sessions still get no-store (portal rule)."""

from tests.requests.open311.helpers import url


def test_any_origin_may_read_it(client, w):
    assert client.get(url("requests", "json"))["Access-Control-Allow-Origin"] == "*"


def test_an_answer_is_publicly_cacheable_for_five_minutes(client, w):
    assert client.get(url("services", "xml"))["Cache-Control"] == "public, max-age=300"


def test_an_error_is_cached_only_briefly(client, w):
    assert client.get(url("requests", "json"), {"status": "x"})["Cache-Control"] == "public, max-age=60"


def test_a_logged_in_staff_member_gets_no_store(client, w):
    client.force_login(w.branch)
    assert "no-store" in client.get(url("requests", "json"))["Cache-Control"]


def test_a_staff_member_gets_the_same_answer_as_the_public(client, w):
    from tests.requests.staff_world import S, bring_to

    bring_to(w, S.CLOSED)
    public = client.get(url("requests", "json")).content
    client.force_login(w.branch)
    assert client.get(url("requests", "json")).content == public
