"""One submission key, one request: double clicks, resubmits and a storm of parallel posts (nanjie/once.py)."""

import threading
import uuid

import pytest
from django.db import connection
from django.test import Client

from requests.models import Request
from tests.conftest import requires_postgres
from tests.requests.public_helpers import community, order, wish_post


@pytest.mark.django_db
def test_ordering_twice_with_one_key_returns_the_first_request():
    category, _unit = community()
    key = uuid.uuid4()
    first = order(category, idempotency_key=key)
    assert order(category, idempotency_key=key).pk == first.pk


@pytest.mark.django_db
def test_orders_without_a_key_are_separate_requests():
    category, _unit = community()
    assert order(category).pk != order(category).pk


@pytest.mark.django_db
def test_references_are_unique_per_request():
    category, _unit = community()
    assert order(category).reference != order(category).reference


@requires_postgres
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_eight_parallel_posts_of_one_token_make_one_request():
    category, _unit = community()
    data = wish_post(category)
    barrier = threading.Barrier(8)
    statuses, locations = [], []

    def post():
        try:
            barrier.wait()
            response = Client().post("/wish/", data, REMOTE_ADDR="10.2.2.2")
            statuses.append(response.status_code)
            locations.append(response.get("Location"))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Request.objects.count() == 1
    assert Request.objects.get().transitions.count() == 1
    assert statuses == [302] * 8
    assert len(set(locations)) == 1
