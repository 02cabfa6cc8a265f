"""HEAD is answered like GET on every page an anonymous visitor may GET (monitors ask HEAD; issue 17 hole 9)."""

import pytest
from django.test import Client

from tests.security.test_access_matrix import entries, url_for, world  # noqa: F401 (fixture)


def public_pages():
    return [pytest.param(key, variant, id=key + (f"[{variant}]" if variant else ""))
            for key, variant, route in entries()
            if route.method == "GET" and route.expect.get("anonymous") in (200, "pass")]


@pytest.mark.parametrize(("key", "variant"), public_pages())
def test_head_answers_like_get_on_a_public_page(world, db, key, variant):  # noqa: F811 (fixture)
    client = world.client("anonymous")
    url = url_for(key, world, "anonymous", variant)
    assert client.head(url).status_code == client.get(url).status_code


@pytest.mark.django_db
def test_head_of_the_home_page_sends_no_body():
    response = Client().head("/")
    assert (response.status_code, response.content) == (200, b"")


@pytest.mark.django_db
def test_head_is_still_refused_where_get_is():
    assert Client().head("/accounts/logout/").status_code == Client().get("/accounts/logout/").status_code
