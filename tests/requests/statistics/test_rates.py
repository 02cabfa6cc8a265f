"""The three rates against the hand-counted October of numbers_world (National Day week, a make-up Saturday)."""

import pytest

from nanjie.figures import Period
from requests.models import Request
from requests.statistics import rates
from tests.requests.staff_world import fast_passwords  # noqa: F401 (fixture)
from tests.requests.statistics.numbers_world import OCTOBER, at, numbers_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return numbers_world()


def test_the_response_rate_counts_requests_whose_limit_ended_in_october(w):
    # A (in time), B (dispatched on the make-up Saturday, a day late), C (marked invalid: acted on in time);
    # D's limit ended on 29 September.
    assert rates.response(Request.objects.all(), OCTOBER)[None] == rates.Rate(2, 3)


def test_the_resolution_rate_counts_requests_whose_deadline_fell_in_october(w):
    # A closed by 12 Oct; B still open after 14 Oct; D closed on 9 Oct, a day after its deadline.
    assert rates.resolution(Request.objects.all(), OCTOBER)[None] == rates.Rate(1, 3)


def test_the_satisfaction_rate_counts_satisfied_and_basically_satisfied(w):
    assert rates.satisfaction(Request.objects.all(), OCTOBER)[None] == rates.Rate(2, 2)


def test_requests_closed_and_not_rated_are_counted_beside_the_satisfaction_rate(w):
    Request.objects.filter(pk=w.requests.a.pk).update(rating="", rated_at=None)
    assert rates.rates(Request.objects.all(), OCTOBER)[None].unrated == 1


def test_the_rates_per_grid_split_the_community(w):
    grid1 = w.requests.a.micro_grid.parent_id
    per_grid = rates.rates(Request.objects.all(), OCTOBER, by="grid")
    assert (per_grid[grid1].response, per_grid[grid1].resolution) == (rates.Rate(2, 2), rates.Rate(1, 2))


def test_the_rates_per_unit_follow_the_unit_the_request_is_with(w):
    per_unit = rates.rates(Request.objects.all(), OCTOBER, by="unit")
    assert per_unit[w.hospital.pk].resolution == rates.Rate(1, 3)


def test_september_has_its_own_response_due(w):
    # D: ordered on the Mid-autumn holiday (Fri 25 Sep), respond by Tue 29 Sep; dispatched Mon 28 Sep.
    assert rates.response(Request.objects.all(), Period.month(2026, 9))[None] == rates.Rate(1, 1)


def test_a_sample_under_ten_is_too_small_for_a_percentage():
    assert (rates.Rate(9, 9).too_small, rates.Rate(9, 9).percent) == (True, None)


def test_a_sample_of_ten_gets_a_whole_percentage():
    assert rates.Rate(7, 10).percent == 70


def test_a_request_not_yet_due_is_not_in_the_resolution_rate(w):
    # B's deadline (14 Oct) seen from 13 Oct: not due yet, so October so far has A and D only.
    now = at(10, 13, 12)
    assert rates.resolution(Request.objects.all(), OCTOBER, now=now)[None] == rates.Rate(1, 2)
