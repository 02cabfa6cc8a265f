"""GET requests: the filters, the 90-day window, the 1,000-row cap and paging."""

import datetime

import pytest
from django.utils import timezone

from requests.models import Request
from requests.open311.params import CAP
from tests.factories import make_category
from tests.requests.open311.conftest import ordered_days_ago
from tests.requests.open311.helpers import get_rows, url
from tests.requests.staff_world import S, order


def ids(rows):
    return [row["service_request_id"] for row in rows]


def w3c(moment):
    return moment.isoformat(timespec="seconds")


def test_the_default_window_is_the_last_90_days(client, w):
    recent = ordered_days_ago(order(w), 89)
    ordered_days_ago(order(w), 91)
    assert ids(get_rows(client, "requests", "json")) == [recent.reference]


def test_a_start_date_alone_looks_90_days_forward(client, w):
    inside = ordered_days_ago(order(w), 150)
    ordered_days_ago(order(w), 100)  # 80 days after the start: inside; 200 days before now: outside the default
    ordered_days_ago(order(w), 30)
    start = timezone.now() - datetime.timedelta(days=160)
    found = ids(get_rows(client, "requests", "json", {"start_date": w3c(start)}))
    assert len(found) == 2
    assert inside.reference in found


def test_an_end_date_alone_looks_90_days_back(client, w):
    old = ordered_days_ago(order(w), 200)
    ordered_days_ago(order(w), 300)
    end = timezone.now() - datetime.timedelta(days=190)
    assert ids(get_rows(client, "requests", "json", {"end_date": w3c(end)})) == [old.reference]


def test_start_and_end_date_bound_the_requested_datetime(client, w):
    wanted = ordered_days_ago(order(w), 10)
    ordered_days_ago(order(w), 3)
    params = {"start_date": w3c(timezone.now() - datetime.timedelta(days=11)),
              "end_date": w3c(timezone.now() - datetime.timedelta(days=9))}
    assert ids(get_rows(client, "requests", "xml", params)) == [wanted.reference]


def test_a_zulu_datetime_is_accepted(client, w):
    order(w)
    assert len(get_rows(client, "requests", "json", {"start_date": (timezone.now() - datetime.timedelta(days=1))
                                                    .astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")})) == 1


def test_status_open_lists_the_three_open_states(client, each_state):
    found = get_rows(client, "requests", "json", {"status": "open"})
    assert sorted(ids(found)) == sorted(each_state[state].reference for state in (S.ORDERED, S.DISPATCHED, S.ACCEPTED))


def test_status_open_and_closed_together_lists_all(client, each_state):
    assert len(get_rows(client, "requests", "json", {"status": "open,closed"})) == len(S.values)


def test_status_may_be_declared_twice(client, each_state):
    response = client.get(url("requests", "json") + "?status=open&status=closed")
    assert len(response.json()) == len(S.values)


def test_service_code_filters_by_category(client, w):
    other = make_category(code="legal", name="法律咨询")
    wanted = order(w)
    Request.objects.filter(pk=order(w).pk).update(category=other)
    assert ids(get_rows(client, "requests", "json", {"service_code": "health"})) == [wanted.reference]


def test_service_request_id_lists_several_and_overrides_the_rest(client, w):
    first, second = ordered_days_ago(order(w), 400), order(w)
    order(w)
    found = get_rows(client, "requests", "json", {"service_request_id": f"{first.reference},{second.reference}",
                                                  "status": "closed", "start_date": "nonsense"})
    assert sorted(ids(found)) == sorted([first.reference, second.reference])


def test_page_size_and_page_walk_the_list(client, w):
    made = [order(w) for _ in range(5)]
    pages = [ids(get_rows(client, "requests", "json", {"page_size": 2, "page": page})) for page in (1, 2, 3, 4)]
    assert pages == [[made[4].reference, made[3].reference], [made[2].reference, made[1].reference],
                     [made[0].reference], []]


def test_a_full_page_links_to_the_next(client, w):
    order(w), order(w)
    response = client.get(url("requests", "json"), {"page_size": 1})
    assert response["Link"] == f'<{url("requests", "json")}?page_size=1&page=2>; rel="next"'


def test_the_last_page_has_no_next_link(client, w):
    order(w)
    assert "Link" not in client.get(url("requests", "json"), {"page_size": 1})


def many(w, count):
    """`count` requests in one INSERT (the cap test needs more than a thousand), ordered an hour ago."""
    template = order(w)
    Request.objects.bulk_create([
        Request(category=w.category, micro_grid_id=template.micro_grid_id, text="x", token=f"bulk-{index}",
                reference=f"NJ-2026-9{index:05d}", ordered_at=template.ordered_at) for index in range(count - 1)])


def test_at_most_a_thousand_requests_come_back_at_once(client, w):
    many(w, CAP + 1)
    assert len(get_rows(client, "requests", "json")) == CAP


def test_the_thousand_and_first_is_on_page_two(client, w):
    many(w, CAP + 1)
    assert len(get_rows(client, "requests", "json", {"page": 2})) == 1


@pytest.mark.parametrize("page_size", ["1001", "0", "-1", "x", "1.5", "１"])
def test_a_page_size_outside_1_to_1000_is_a_400(client, w, page_size):
    assert client.get(url("requests", "json"), {"page_size": page_size}).status_code == 400


def test_an_empty_parameter_is_as_if_it_were_not_given(client, w):
    order(w)
    params = {"status": "", "service_code": "", "start_date": "", "end_date": "", "page": "", "page_size": ""}
    assert len(get_rows(client, "requests", "json", params)) == 1


def test_an_unknown_parameter_is_ignored(client, w):
    order(w)
    assert len(get_rows(client, "requests", "json", {"colour": "red"})) == 1


def test_a_thousand_ids_at_once_are_answered(client, w):
    wish = order(w)
    listed = ",".join([wish.reference, *(f"NJ-2026-{n:06d}" for n in range(500000, 500999))])
    assert ids(get_rows(client, "requests", "json", {"service_request_id": listed})) == [wish.reference]
