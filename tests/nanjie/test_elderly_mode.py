"""The elderly-mode switch (nanjie/elderly.py): a POST, a cookie, no login, no JavaScript."""

import pytest

from nanjie.elderly import COOKIE

pytestmark = pytest.mark.django_db


def test_switching_on_sets_the_cookie_and_goes_back(client):
    response = client.post("/elderly/", {"on": "1", "next": "/wish/?grid=NJ-01-01"})
    assert response["Location"] == "/wish/?grid=NJ-01-01"
    assert response.cookies[COOKIE].value == "1"


def test_the_cookie_is_kept_for_a_year_and_not_readable_by_scripts(client):
    cookie = client.post("/elderly/", {"on": "1", "next": "/"}).cookies[COOKIE]
    assert cookie["max-age"] == 365 * 24 * 3600
    assert cookie["httponly"]


def test_switching_off_deletes_the_cookie(client):
    client.cookies[COOKIE] = "1"
    response = client.post("/elderly/", {"on": "0", "next": "/"})
    assert response.cookies[COOKIE].value == ""
    assert response.cookies[COOKIE]["max-age"] == 0


def test_a_next_address_on_another_site_goes_home_instead(client):
    response = client.post("/elderly/", {"on": "1", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_a_get_is_refused(client):
    assert client.get("/elderly/").status_code == 405


def test_a_page_in_elderly_mode_loads_the_elderly_styles(client):
    client.cookies[COOKIE] = "1"
    page = client.get("/").content.decode()
    assert 'class="elderly"' in page
    assert "css/elderly.css" in page


def test_a_page_in_normal_mode_does_not(client):
    page = client.get("/").content.decode()
    assert 'class="elderly"' not in page
    assert "css/elderly.css" not in page


def test_the_switch_says_what_it_will_do(client):
    client.cookies[COOKIE] = "1"
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert 'name="on" value="0"' in page
    assert 'aria-pressed="true"' in page
