"""Site-wide pages: health check, the Chinese error pages, the language switch, the menu's current page."""

import pytest
from django.urls import reverse

from tests.factories import make_grid_worker, make_tree


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok")


@pytest.mark.django_db
def test_an_unknown_page_gives_the_404_page_in_chinese(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


@pytest.mark.django_db
def test_the_site_speaks_chinese_by_default(client):
    assert '<html lang="zh-hans">' in client.get("/accounts/login/").content.decode()


@pytest.mark.django_db
def test_the_language_switch_turns_the_site_to_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/accounts/login/"})
    body = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in body
    assert "Staff login" in body


@pytest.mark.django_db
def test_the_language_switch_returns_to_the_page_it_came_from(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/volunteers/"})
    assert response["Location"] == "/volunteers/"


@pytest.mark.django_db
def test_the_menu_marks_the_grids_entry_as_current_on_a_node_page(client):
    make_tree(grids=1, micro_per_grid=1)
    client.force_login(make_grid_worker("NJ-01"))
    body = client.get("/grid/NJ-01/").content.decode()
    assert '<a href="/grid/" aria-current="page">' in body


@pytest.mark.django_db
def test_the_header_shows_the_users_role(client):
    make_tree(grids=1, micro_per_grid=1)
    client.force_login(make_grid_worker("NJ-01"))
    body = client.get("/grid/", headers={"accept-language": "en"}).content.decode()
    assert "Grid worker" in body or "网格员" in body


@pytest.mark.django_db
def test_the_login_page_has_labelled_fields(client):
    body = client.get("/accounts/login/").content.decode()
    assert 'for="id_username"' in body
    assert 'for="id_password"' in body


def _broken(client, error):
    from unittest import mock

    client.raise_request_exception = False
    with mock.patch("nanjie.views.connection.cursor", side_effect=error):
        return client.get("/healthz")


def test_while_the_database_is_down_the_error_page_is_a_503_with_retry_after(client):
    from django.db import OperationalError

    response = _broken(client, OperationalError("connection refused"))
    assert (response.status_code, response["Retry-After"]) == (503, "30")
    assert "系统暂时出错" in response.content.decode()


def test_any_other_error_is_the_500_page_without_retry_after(client):
    response = _broken(client, RuntimeError("bug"))
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "系统暂时出错" in response.content.decode()
