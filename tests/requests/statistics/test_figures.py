"""Every registered figure against numbers_world's hand count for October, and equal to its drill-down's count."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from grid.models import Dispute
from nanjie.figures import Scope, figures
from requests.statistics import board
from tests.requests.staff_world import fast_passwords  # noqa: F401 (fixture)
from tests.requests.statistics.numbers_world import EXPECTED, OCTOBER, numbers_world

pytestmark = pytest.mark.django_db
OCTOBER_QUERY = {"start": "2026-10-01", "end": "2026-10-31"}


@pytest.fixture
def w():
    cache.clear()
    return numbers_world()


def test_every_figure_has_a_hand_count():
    assert sorted(EXPECTED) == sorted(figures.names())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_community_figure_is_the_hand_count(w, name):
    assert figures[name].value(OCTOBER, Scope(None, board.community_nodes())) == EXPECTED[name][0]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_grid_workers_figure_counts_only_what_they_can_open(w, name):
    assert figures[name].value(OCTOBER, Scope(w.worker1, board.community_nodes())) == EXPECTED[name][1]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_branchs_figure_equals_its_drill_down(w, name, client):
    client.force_login(w.branch)
    response = client.get(reverse("requests:figure", args=[name]), OCTOBER_QUERY)
    figure = figures[name]
    shown = sum(row[-1] for row in response.context["rows"]) if figure.sum_field else response.context["page"] \
        .paginator.count
    assert (response.context["value"], shown) == (EXPECTED[name][0], EXPECTED[name][0])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_grid_workers_figure_equals_their_drill_down(w, name, client):
    client.force_login(w.worker1)
    response = client.get(reverse("requests:figure", args=[name]), OCTOBER_QUERY)
    assert response.context["page"].paginator.count == response.context["value"] or figures[name].sum_field


def test_the_per_grid_table_splits_the_disputes_by_grid(w):
    found = board.board(OCTOBER, Scope(None, board.community_nodes()))
    column = [figure.name for figure, _value in found.values].index("grid.disputes")
    assert [(grid.code, values[column]) for grid, values in found.per_grid] == [("NJ-01", 3), ("NJ-02", 1)]


def test_the_per_month_table_puts_octobers_disputes_in_october(w):
    found = board.board(OCTOBER, Scope(None, board.community_nodes()))
    column = [figure.name for figure in found.dated].index("grid.disputes")
    assert [(month.month, values[column]) for month, values in found.per_month] == [(10, 4)]


def test_a_grid_chosen_on_the_page_narrows_the_figures(w, client):
    response = client.get(reverse("requests:stats"), {**OCTOBER_QUERY, "grid": "NJ-02"})
    values = {figure.name: value for figure, value in response.context["board"].values}
    assert (values["grid.disputes"], values["grid.disaster"]) == (1, 1)


def _public_disputes(client):
    response = client.get(reverse("requests:stats"), OCTOBER_QUERY)
    return dict((figure.name, value) for figure, value in response.context["board"].values)["grid.disputes"]


def test_the_public_figures_are_kept_for_five_minutes(w, client):
    first = _public_disputes(client)
    Dispute.objects.filter(state=Dispute.State.RESOLVED).update(resolved_on=datetime.date(2026, 10, 2))
    assert _public_disputes(client) == first  # a TTL, not an invalidation: the page says so


def test_the_public_figures_are_recomputed_once_the_cache_drops_them(w, client):
    first = _public_disputes(client)
    Dispute.objects.filter(state=Dispute.State.RESOLVED).update(resolved_on=datetime.date(2026, 10, 2))
    cache.clear()
    assert _public_disputes(client) == first + 1  # September's resolved dispute moved into October
