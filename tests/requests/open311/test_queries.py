"""Each answer takes the same number of queries at any size: one for the rows (units, categories and micro-grids
joined), one for the service codes a filter may name."""

import pytest

from tests.requests.open311.helpers import url
from tests.requests.staff_world import S, bring_to


@pytest.fixture(params=[1, 6])
def rows(request, w):
    for _ in range(request.param):
        for state in S.values:
            bring_to(w, state)
    return request.param


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_the_request_list_takes_two_queries_at_any_size(client, rows, fmt, django_assert_num_queries):
    with django_assert_num_queries(2):
        assert client.get(url("requests", fmt)).status_code == 200


def test_the_service_list_takes_one_query(client, rows, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get(url("services", "json"))


def test_a_list_of_ids_takes_one_query(client, rows, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get(url("requests", "xml"), {"service_request_id": "NJ-2026-000001,NJ-2026-000002"})
