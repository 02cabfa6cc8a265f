"""Eight taps on 不满意 at once (two tabs, a shaky finger): one rating, one reopen."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from requests.models import Request
from tests.conftest import requires_postgres
from tests.requests.public_helpers import community, order, publicise


@requires_postgres
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_eight_concurrent_unsatisfied_ratings_reopen_the_request_once():
    category, unit = community()
    wish = publicise(order(category), unit)
    barrier = threading.Barrier(8)
    outcomes = []

    def rate():
        try:
            barrier.wait()
            Request.objects.get(pk=wish.pk).rate("unsatisfied", "灯还是不亮")
            outcomes.append("rated")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=rate) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["rated"] + ["refused"] * 7
    assert wish.transitions.filter(new_state=Request.State.ACCEPTED, by=None).count() == 1
