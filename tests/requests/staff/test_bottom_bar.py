"""The phone's bottom bar (issue 16): each role's three main actions, taken from the nav entries by the per-role
table (nanjie.registry.bars, filled in requests/apps.py), only what the user may open, the first role's bar for a
user with several, none for anonymous visitors, no query of its own."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nanjie import context_processors
from nanjie.registry import BottomBar, Registry, bars, check_registries, nav
from nanjie.roles import BRANCH_ADMIN, GRID_WORKER, JOINT_MEETING, ROLE_NAMES, UNIT_PARTY_MEMBER
from tests.factories import make_user
from tests.requests.staff_world import fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

PERSONAS = {"chairman": JOINT_MEETING, "nurse": UNIT_PARTY_MEMBER, "worker1": GRID_WORKER, "branch": BRANCH_ADMIN}
EXPECTED = {
    "chairman": ["待派单", "工作台", "联席会议"],
    "nurse": ["待接单", "工作台", "我的待办结"],
    "worker1": ["记录走访", "工作台", "住户"],
    "branch": ["待公示", "工作台", "网格"],
}


@pytest.fixture
def w():
    return world()


def _bar(client, user, url=None):
    client.force_login(user)
    response = client.get(url or reverse("me"))
    return response, response.context["bottom_bar"]()


def test_every_role_has_a_bar():
    assert {bar.name for bar in bars} == set(ROLE_NAMES)


def test_every_bar_names_three_entries():
    assert {bar.name: len(bar.entries) for bar in bars} == {role: 3 for role in ROLE_NAMES}


def test_the_bars_name_only_registered_entries():
    assert [problem for problem in bars.problems()] == []


@pytest.mark.parametrize("who", list(PERSONAS))
def test_each_role_gets_its_three_main_actions(w, client, who):
    _response, bar = _bar(client, getattr(w, who))
    assert [str(item["label"]) for item in bar] == EXPECTED[who]


@pytest.mark.parametrize("who", list(PERSONAS))
def test_each_role_may_open_every_entry_of_its_bar(w, client, who):
    _response, bar = _bar(client, getattr(w, who))
    assert [client.get(item["url"]).status_code for item in bar] == [200, 200, 200]


@pytest.mark.parametrize("who", list(PERSONAS))
def test_each_entry_of_a_roles_bar_is_shown_to_that_role(w, who):
    user = getattr(w, who)
    assert [nav[name].shown_to(user) for name in bars[PERSONAS[who]].entries] == [True, True, True]


def test_a_user_with_several_roles_gets_the_first_roles_bar(w, client):
    w.worker1.groups.add(Group.objects.get(name=JOINT_MEETING))  # a grid worker who sits on the joint meeting
    _response, bar = _bar(client, w.worker1)
    assert [str(item["label"]) for item in bar] == EXPECTED["chairman"]


def test_the_bars_order_is_the_loops(w):
    assert [bar.name for bar in bars] == [JOINT_MEETING, UNIT_PARTY_MEMBER, GRID_WORKER, BRANCH_ADMIN]


def test_an_entry_the_user_may_not_open_is_left_out(w, client):
    Group.objects.get(name=JOINT_MEETING).permissions.remove(
        Permission.objects.get(content_type__app_label="partners", codename="view_meeting"))
    _response, bar = _bar(client, w.chairman)
    assert [str(item["label"]) for item in bar] == ["待派单", "工作台"]


def test_the_bar_marks_the_current_page(w, client):
    response, _bar_items = _bar(client, w.chairman, reverse("requests:queue", args=["dispatch"]))
    assert '<a href="/requests/queue/dispatch/" aria-current="page">待派单</a>' in response.content.decode()


def test_the_bar_marks_the_workbench_on_the_workbench(w, client):
    response, _bar_items = _bar(client, w.chairman)
    assert f'<a href="{reverse("me")}" aria-current="page">工作台</a>' in response.content.decode()


def test_the_page_keeps_room_for_the_bar(w, client):
    response, _bar_items = _bar(client, w.nurse)
    assert '<body class="has-bottom-bar">' in response.content.decode()


def test_anonymous_visitors_get_no_bar(client, w):
    html = client.get(reverse("requests:home")).content.decode()
    assert 'class="bottom-bar"' not in html
    assert "has-bottom-bar" not in html


def test_a_login_without_a_role_gets_no_bar(client, w):
    client.force_login(make_user(is_superuser=True, is_staff=True))
    assert 'class="bottom-bar"' not in client.get(reverse("me")).content.decode()


def test_the_queues_the_bar_opens_stay_out_of_the_menu(w, client):
    client.force_login(w.branch)
    urls = [item["url"] for item in client.get(reverse("me")).context["nav_items"]()]
    assert reverse("requests:queue", args=["publicise"]) not in urls


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("who", list(PERSONAS))
def test_the_bar_costs_no_query(w, client, who, monkeypatch):
    client.force_login(getattr(w, who))
    url = reverse("me")
    _queries(client, url)  # warm: the session and the site's one-off lookups
    with_bar = _queries(client, url)
    monkeypatch.setattr(context_processors, "bars", Registry("no bar"))
    Registry.every.remove(context_processors.bars)
    without_bar = _queries(client, url)
    assert len(with_bar) == len(without_bar)


def test_a_page_asks_for_the_users_roles_once(w, client):
    client.force_login(w.chairman)
    _queries(client, reverse("me"))
    # The groups come with the permissions in the auth prefetch's one query (nanjie/auth_prefetch.py); the bar and
    # the header's role names ask nothing more.
    assert len([sql for sql in _queries(client, reverse("me")) if '"auth_group"' in sql]) == 1


def test_a_bar_naming_a_missing_entry_is_an_error_of_the_system_check():
    scratch = Registry("scratch bar")
    scratch.add(BottomBar(GRID_WORKER, ("grid.visit", "grid.me", "grid.housholds"), order=1))
    try:
        problems = [error.msg for error in check_registries()]
    finally:
        Registry.every.remove(scratch)
    assert problems == ["scratch bar 'grid_worker': names no nav entry 'grid.housholds'"]


def test_a_bar_for_no_role_is_an_error():
    assert BottomBar("chairman", ("grid.me",), order=1).problems() == ["'chairman' is not a role"]
