"""Work queues: each role's list, scoped, filtered, paginated, with a constant number of queries."""

import datetime

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from requests.models import Request
from requests.staff import panels
from tests.requests.staff_world import S, bring_to, fast_passwords, order, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return world()


def _refs(client, user, queue, **params):
    client.force_login(user)
    response = client.get(reverse("requests:queue", args=[queue]), params)
    return {wish.reference for wish in response.context["page"]}


def test_the_chairman_sees_ordered_requests_to_dispatch(w, client):
    ordered, _dispatched = bring_to(w, S.ORDERED), bring_to(w, S.DISPATCHED)
    assert _refs(client, w.chairman, "dispatch") == {ordered.reference}


def test_a_unit_member_sees_only_what_was_dispatched_to_their_unit(w, client):
    ours = bring_to(w, S.DISPATCHED)
    theirs = bring_to(w, S.ORDERED)
    theirs.dispatch(w.housing, by=w.chairman)
    assert _refs(client, w.doctor, "accept") == {ours.reference}


def test_mine_is_what_i_accepted(w, client):
    mine = bring_to(w, S.ACCEPTED)
    assert (_refs(client, w.nurse, "mine"), _refs(client, w.doctor, "mine")) == ({mine.reference}, set())


def test_the_branch_sees_closed_requests_to_publicise(w, client):
    closed, _published = bring_to(w, S.CLOSED), bring_to(w, S.PUBLICISED)
    assert _refs(client, w.branch, "publicise") == {closed.reference}


def test_the_overdue_queue_lists_open_requests_past_their_deadline(w, client):
    late, _on_time = bring_to(w, S.ACCEPTED), bring_to(w, S.ACCEPTED)
    Request.objects.filter(pk=late.pk).update(deadline=timezone.now() - datetime.timedelta(days=1))
    assert _refs(client, w.branch, "overdue") == {late.reference}


def test_a_grid_worker_sees_only_their_grid(w, client):
    mine, _other = order(w, "NJ-01-02"), order(w, "NJ-02-01")
    assert _refs(client, w.worker1, "all") == {mine.reference}


def test_a_unit_member_never_sees_another_units_requests_in_any_queue(w, client):
    wish = bring_to(w, S.DISPATCHED)
    assert _refs(client, w.builder, "all") | _refs(client, w.builder, "overdue") == set()
    assert wish


def test_a_queue_without_the_role_is_forbidden(w, client):
    client.force_login(w.nurse)
    assert client.get(reverse("requests:queue", args=["dispatch"])).status_code == 403


def test_an_unknown_queue_is_not_found(w, client):
    client.force_login(w.chairman)
    assert client.get(reverse("requests:queue", args=["nonsense"])).status_code == 404


def test_anonymous_users_are_sent_to_log_in(client):
    assert client.get(reverse("requests:queue", args=["dispatch"])).status_code == 302


def test_the_grid_filter_covers_the_whole_subtree(w, client):
    from grid.models import GridNode

    inside, _outside = order(w, "NJ-02-02"), order(w, "NJ-01-01")
    grid = GridNode.objects.get(code="NJ-02")
    assert _refs(client, w.chairman, "all", place=grid.code) == {inside.reference}


def test_the_grid_filter_lists_only_grids_the_user_serves(w, client):
    from tests.factories import make_grid_worker

    client.force_login(make_grid_worker("NJ-02"))
    choices = client.get(reverse("requests:queue", args=["all"])).context["filter"].form.fields["place"].queryset
    assert [node.code for node in choices] == ["NJ-02"]


def test_the_overdue_filter_keeps_only_late_ones(w, client):
    late, _fine = bring_to(w, S.DISPATCHED), bring_to(w, S.DISPATCHED)
    Request.objects.filter(pk=late.pk).update(deadline=timezone.now() - datetime.timedelta(days=1))
    assert _refs(client, w.chairman, "all", overdue="true") == {late.reference}


def test_the_state_and_channel_filters_combine(w, client):
    wanted = order(w, channel=Request.Channel.WISH_WALL)
    order(w)
    bring_to(w, S.DISPATCHED, channel=Request.Channel.WISH_WALL)
    assert _refs(client, w.chairman, "all", state="ordered", channel="wish_wall") == {wanted.reference}


def test_the_date_range_filter_uses_the_order_date(w, client):
    old, _new = order(w), order(w)
    Request.objects.filter(pk=old.pk).update(ordered_at=timezone.now() - datetime.timedelta(days=40))
    until = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()
    assert _refs(client, w.chairman, "all", until=until) == {old.reference}


def test_an_overdue_row_is_flagged(w, client):
    late = bring_to(w, S.DISPATCHED)
    Request.objects.filter(pk=late.pk).update(deadline=timezone.now() - datetime.timedelta(days=1))
    client.force_login(w.chairman)
    assert "is-overdue" in client.get(reverse("requests:queue", args=["all"])).content.decode()


@pytest.mark.parametrize("user", ["branch", "nurse", "worker1"])
def test_a_queue_page_costs_the_same_queries_for_2_and_12_rows(w, client, user):
    def cost(extra):
        for _ in range(extra):
            bring_to(w, S.ACCEPTED)
        client.force_login(getattr(w, user))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("requests:queue", args=["all"]))
        return len(captured)

    assert cost(2) == cost(10)


def test_the_me_panel_counts_each_queue_and_heads_with_overdue_for_the_branch(w):
    late = bring_to(w, S.DISPATCHED)
    Request.objects.filter(pk=late.pk).update(deadline=timezone.now() - datetime.timedelta(days=1))
    request = RequestFactory().get("/me/")
    request.user = w.branch
    panel = panels.queues_panel(request)
    assert (panel["overdue"], {q["name"]: q["count"] for q in panel["queues"]}["overdue"]) == (1, 1)


def test_the_me_panel_of_a_unit_member_counts_their_unit_only(w):
    bring_to(w, S.DISPATCHED)
    request = RequestFactory().get("/me/")
    request.user = w.builder
    counts = {q["name"]: q["count"] for q in panels.queues_panel(request)["queues"]}
    assert counts == {"accept": 0, "mine": 0, "overdue": 0}


def test_a_user_without_request_roles_gets_no_panel(w):
    from tests.factories import make_user

    request = RequestFactory().get("/me/")
    request.user = make_user()
    assert panels.queues_panel(request) is None
