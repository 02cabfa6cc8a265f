import datetime

from django.urls import reverse
from django.utils import timezone

from grid.visits import coverage as field_coverage
from tests.grid.factories import make_household, make_visit, queries_for


def test_coverage_counts_households_visited_this_month(worker3, tree):
    visited = make_household()
    make_visit(visited, worker3)
    make_visit(visited, worker3)  # two visits to one household count once
    make_household()
    total = field_coverage.total(field_coverage.by_micro_grid(worker3))
    assert (total.visited, total.households) == (1, 2)


def test_a_visit_last_month_does_not_count_this_month(worker3, tree):
    household = make_household()
    days = timezone.localdate().day  # the last day of the previous month
    make_visit(household, worker3, days_ago=days)
    assert field_coverage.total(field_coverage.by_micro_grid(worker3)).visited == 0


def test_coverage_rolls_up_per_grid(worker3, tree):
    make_visit(make_household("NJ-03-01"), worker3)
    make_household("NJ-03-02")
    grids = field_coverage.by_grid(field_coverage.by_micro_grid(worker3))
    assert [(g.node.code, g.visited, g.households) for g in grids] == [("NJ-03", 1, 2)]


def test_the_stale_period_is_a_setting(worker3, tree, settings):
    settings.NANJIE_VISIT_STALE_DAYS = 5
    make_visit(make_household(), worker3, days_ago=10)
    assert field_coverage.total(field_coverage.by_micro_grid(worker3)).stale == 1


def test_the_coverage_page_lists_stale_households_first(client3, worker3):
    old = make_household(contact_name="久未走访")
    make_visit(old, worker3, days_ago=60)
    fresh = make_household(contact_name="刚走访")
    make_visit(fresh, worker3)
    page = client3.get(reverse("field:coverage")).content.decode()
    assert "久未走访" in page.split("较长时间未走访")[-1]
    assert "刚走访" not in page


def test_the_home_page_shows_the_workers_coverage(client3, worker3):
    make_visit(make_household(), worker3)
    make_household()
    page = client3.get(reverse("me")).content.decode()
    assert 'id="my-coverage">1 / 2<' in page


def test_the_coverage_page_runs_a_constant_number_of_queries(client3, worker3):
    make_visit(make_household(), worker3, days_ago=40)
    few = queries_for(client3, reverse("field:coverage"))
    for number in range(8):
        make_visit(make_household(f"NJ-03-0{number % 2 + 1}"), worker3, days_ago=40 + number)
    assert queries_for(client3, reverse("field:coverage")) == few


def test_month_start_is_the_first(tree):
    assert field_coverage.month_start(datetime.date(2026, 3, 17)) == datetime.date(2026, 3, 1)
