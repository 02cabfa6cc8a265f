"""A visit that raised a request shows it (reference and state, a link when the user may open it), and so does
the household's page."""

import pytest
from django.urls import reverse

from grid.models import GridNode
from tests.factories import make_category
from tests.grid.factories import make_visit, queries_for


def raise_request(visit, user, micro="NJ-03-01"):
    from requests.models import Request

    return Request.order(category=make_category(), text="楼道灯坏了", micro_grid=GridNode.objects.get(code=micro),
                         channel=Request.Channel.GRID_VISIT, received_by=user, visit=visit,
                         household=visit.household)


@pytest.fixture
def visit(household, worker3):
    return make_visit(household, worker3)


def test_the_visit_page_shows_the_request_it_raised_with_a_link(client3, visit, worker3):
    wish = raise_request(visit, worker3)
    page = client3.get(reverse("field:visit", args=[visit.pk])).content.decode()
    assert reverse("requests:detail", args=[wish.reference]) in page
    assert "已点单" in page


def test_the_household_page_shows_its_requests(client3, visit, worker3, household):
    wish = raise_request(visit, worker3)
    page = client3.get(reverse("field:household", args=[household.pk])).content.decode()
    assert 'id="linked-requests"' in page
    assert wish.reference in page


def test_a_request_outside_the_users_scope_is_shown_without_a_link(client3, visit, worker3):
    wish = raise_request(visit, worker3, micro="NJ-04-01")
    page = client3.get(reverse("field:visit", args=[visit.pk])).content.decode()
    assert wish.reference in page
    assert reverse("requests:detail", args=[wish.reference]) not in page


def test_a_visit_without_requests_shows_only_the_button(client3, visit):
    page = client3.get(reverse("field:visit", args=[visit.pk])).content.decode()
    assert 'id="linked-requests"' not in page
    assert 'id="raise-request"' in page


def test_another_visits_request_is_not_shown(client3, visit, worker3, household):
    other = make_visit(household, worker3, days_ago=3)
    wish = raise_request(other, worker3)
    assert wish.reference not in client3.get(reverse("field:visit", args=[visit.pk])).content.decode()


def test_the_visit_page_query_count_does_not_grow_with_its_requests(client3, visit, worker3):
    raise_request(visit, worker3)
    few = queries_for(client3, reverse("field:visit", args=[visit.pk]))
    for _ in range(4):
        raise_request(visit, worker3)
    assert queries_for(client3, reverse("field:visit", args=[visit.pk])) == few
