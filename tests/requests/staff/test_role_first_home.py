"""A role-first /me/ (工作台): each role's own work on top; /requests/ is the same page; a menu of ≤ 7 entries."""

import pytest
from django.urls import reverse

from tests.requests.staff_world import S, bring_to, fast_passwords, order, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return world()


def _me(client, user):
    client.force_login(user)
    return client.get(reverse("me"))


def _first(response):
    return response.context["panels"][0]


def test_the_chairmans_home_starts_with_to_dispatch(w, client):
    wish = order(w)
    first = _first(_me(client, w.chairman))
    assert ([s["name"] for s in first["sections"]], first["sections"][0]["rows"]) == (["dispatch"], [wish])


def test_the_chairman_is_labelled_this_months_on_duty_chairman(w, client):
    assert "您是本月“值班”主席" in _me(client, w.chairman).content.decode()


def test_a_unit_member_starts_with_to_accept_then_mine(w, client):
    bring_to(w, S.DISPATCHED)
    assert [s["name"] for s in _first(_me(client, w.nurse))["sections"]] == ["accept", "mine"]


def test_the_branch_starts_with_to_publicise(w, client):
    bring_to(w, S.CLOSED)
    assert [s["name"] for s in _first(_me(client, w.branch))["sections"]] == ["publicise"]


def test_a_workers_home_starts_with_their_own_field_work(w, client):
    templates = [panel["template"] for panel in _me(client, w.worker1).context["panels"]]
    assert "requests/staff/_panel_first.html" not in templates


def test_the_work_queues_address_is_the_same_page(w, client):
    client.force_login(w.chairman)
    assert [t.name for t in client.get(reverse("requests:queues")).templates][:1] == ["me.html"]


def test_the_menu_has_one_workbench_entry(w, client):
    client.force_login(w.worker1)
    urls = [item["url"] for item in client.get(reverse("me")).context["nav_items"]()]
    assert (reverse("me") in urls, reverse("requests:queues") in urls) == (True, False)


@pytest.mark.parametrize("who", ["worker1", "chairman", "nurse", "branch"])
def test_the_menu_shows_at_most_seven_entries_with_the_rest_under_more(w, client, who):
    client.force_login(getattr(w, who))
    menu = client.get(reverse("me")).context["nav_menu"]()
    assert len(menu["primary"]) + (1 if menu["more"] else 0) <= 7


def _menu(client, user):
    client.force_login(user)
    return client.get(reverse("me")).context["nav_menu"]()


def test_a_workers_menu_starts_with_the_workbench(w, client):
    assert _menu(client, w.worker1)["primary"][0]["url"] == reverse("me")


def test_a_workers_menu_puts_their_own_entries_before_the_residents_pages(w, client):
    menu = _menu(client, w.worker1)
    staff = [item["staff"] for item in menu["primary"] + menu["more"]]
    assert staff == sorted(staff, reverse=True)


@pytest.mark.parametrize("who,state", [("chairman", S.ORDERED), ("nurse", S.DISPATCHED), ("branch", S.CLOSED)])
def test_the_workbench_costs_the_same_queries_with_one_or_many_waiting(w, client, who, state):
    from tests.grid.factories import queries_for

    bring_to(w, state)
    client.force_login(getattr(w, who))
    few = queries_for(client, reverse("me"))
    for _ in range(8):
        bring_to(w, state)
    assert queries_for(client, reverse("me")) == few
