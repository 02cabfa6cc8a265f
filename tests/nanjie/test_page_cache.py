"""nanjie/page_cache.py: home, the board and its feed kept for anonymous visitors in the shared cache; a change
committed shows at once; nobody gets another visitor's cookies, CSRF secret or a logged-in page."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from nanjie import elderly
from tests.factories import make_branch_admin
from tests.requests.public_helpers import community, order, publicise

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.NANJIE_PAGE_CACHE_SECONDS = 30
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def notices(django_capture_on_commit_callbacks):
    category, unit = community()
    with django_capture_on_commit_callbacks(execute=True):
        publicise(order(category, text="路灯不亮"), unit)
    return category, unit


@pytest.mark.parametrize("path", ["/", "/board/", "/board/feed/"])
def test_a_second_visitor_is_served_without_a_query(notices, path, django_assert_num_queries):
    assert Client().get(path).status_code == 200
    with django_assert_num_queries(0):
        assert Client().get(path).status_code == 200


@pytest.mark.parametrize("path", ["/", "/board/", "/board/feed/"])
def test_a_notice_publicised_is_shown_at_the_next_request(notices, path, django_capture_on_commit_callbacks):
    category, unit = notices
    Client().get(path)
    with django_capture_on_commit_callbacks(execute=True):
        wish = publicise(order(category), unit)
    assert wish.reference in Client().get(path).content.decode()


def test_a_change_not_yet_committed_does_not_empty_the_cache(notices, django_capture_on_commit_callbacks,
                                                              django_assert_num_queries):
    category, unit = notices
    Client().get("/")
    with django_capture_on_commit_callbacks(execute=False):
        publicise(order(category), unit)
        with django_assert_num_queries(0):
            Client().get("/")


def test_each_visitor_gets_csrf_tokens_of_their_own_secret(notices):
    first, second = Client(), Client()
    first.get("/")
    answer = second.get("/")
    assert settings.CSRF_COOKIE_NAME in answer.cookies
    assert first.cookies[settings.CSRF_COOKIE_NAME].value != second.cookies[settings.CSRF_COOKIE_NAME].value


def test_the_tokens_of_a_cached_page_work_for_the_visitor_it_was_served_to(notices):
    Client().get("/")
    visitor = Client(enforce_csrf_checks=True)
    tokens = TOKEN.findall(visitor.get("/").content.decode())
    assert tokens
    answer = visitor.post("/elderly/", {"csrfmiddlewaretoken": tokens[0], "on": "1", "next": "/"})
    assert answer.status_code == 302


def test_a_cached_page_carries_no_cookie_of_the_visitor_who_filled_it(notices):
    Client().get("/", HTTP_COOKIE="")
    answer = Client().get("/")
    assert set(answer.cookies) <= {settings.CSRF_COOKIE_NAME}


def test_a_logged_in_user_never_gets_the_cached_page(notices, client):
    Client().get("/")
    client.force_login(make_branch_admin())
    assert 'href="/me/"' in client.get("/").content.decode()


def test_a_logged_in_users_page_is_never_kept_for_anyone(notices, client):
    client.force_login(make_branch_admin())
    client.get("/")
    assert 'href="/me/"' not in Client().get("/").content.decode()


def test_elderly_mode_and_the_language_are_pages_of_their_own(notices):
    Client().get("/")
    reader = Client()
    reader.cookies[elderly.COOKIE] = "1"
    assert 'class="elderly"' in reader.get("/").content.decode()
    english = Client().get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert english["Content-Language"] == "en"


# Home computed afresh: the served community's root, the rota, the notices (tests/requests/public/test_home.py).
HOME_QUERIES = 3


def test_a_visitor_with_a_message_waiting_gets_their_own_page(notices, django_assert_num_queries):
    Client().get("/")
    reader = Client()
    reader.cookies["messages"] = "anything"
    with django_assert_num_queries(HOME_QUERIES):
        reader.get("/")


def test_without_a_shared_cache_nothing_is_kept(notices, settings, django_assert_num_queries):
    settings.NANJIE_PAGE_CACHE_SECONDS = 0
    Client().get("/")
    with django_assert_num_queries(HOME_QUERIES):
        Client().get("/")
