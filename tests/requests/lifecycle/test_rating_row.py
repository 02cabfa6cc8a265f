"""A rating is on record like every other step: a Transition row with the rating, the resident's words, when."""

import pytest

from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def rated():
    wish = bring_to(world(), S.PUBLICISED)
    wish.rate("satisfied", "很及时")
    return wish


def test_a_satisfied_rating_writes_a_row_that_keeps_the_state(rated):
    row = rated.transitions.order_by("-pk").first()
    assert (row.old_state, row.new_state, row.rating) == (S.PUBLICISED, S.PUBLICISED, "satisfied")


def test_the_rating_row_is_the_residents(rated):
    row = rated.transitions.order_by("-pk").first()
    assert (row.by, row.note) == (None, "很及时")


def test_an_unsatisfied_rating_records_its_rating_on_the_reopening_row():
    wish = bring_to(world(), S.CLOSED)
    wish.rate("unsatisfied", "还是坏的")
    row = wish.transitions.order_by("-pk").first()
    assert (row.new_state, row.rating) == (S.ACCEPTED, "unsatisfied")


def test_the_tracking_page_shows_the_rating_in_the_timeline(client, rated):
    assert "您的评价：满意" in client.get(f"/track/{rated.token}/").content.decode()
