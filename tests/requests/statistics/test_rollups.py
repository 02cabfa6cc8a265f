"""Roll-ups: the counts table kept by the transitions equals a recount, and every level's page equals the rates of
its records and the sum of the level below. A small county: 2 towns, 3 communities, 2 grids each."""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from grid.models import GridNode
from nanjie.figures import Period
from requests.models import Request, RollupCount, Transition
from requests.statistics import rates, rollups
from tests.factories import (
    make_branch_admin,
    make_category,
    make_chairman,
    make_grid_worker,
    make_node,
    make_unit,
    make_unit_member,
)
from tests.grid.factories import queries_for
from tests.requests.staff_world import fast_passwords  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
K = GridNode.Kind
# Three months on: every limit of this year has passed, so the due-based rates count them all.
LATER = timezone.now() + datetime.timedelta(days=92)
YEAR = Period.this_year()


def county_world():
    county = make_node(code="YA", kind=K.COUNTY, name="姚安县")
    towns = [make_node(code=code, kind=K.TOWN, parent=county, name=name)
             for code, name in (("DC", "栋川镇"), ("GT", "光禄镇"))]
    for town, code, name in ((towns[0], "NJ", "南街社区"), (towns[0], "BJ", "北街社区"), (towns[1], "GL", "光禄社区")):
        community = make_node(code=f"{code}-C", kind=K.COMMUNITY, parent=town, name=name)
        total = make_node(code=code, kind=K.TOTAL_GRID, parent=community, name=f"{name}总网格")
        for number in (1, 2):
            grid = make_node(code=f"{code}-{number:02d}", kind=K.GRID, parent=total, name=f"{name}第{number}网格")
            for micro in (1, 2):
                make_node(code=f"{code}-{number:02d}-{micro:02d}", kind=K.MICRO_GRID, parent=grid,
                          name=f"{name}第{number}网格第{micro}微网格")
    category = make_category(code="health", name="医疗健康", default_deadline_days=7, response_workdays=2)
    hospital = make_unit(name="县人民医院", duties=[category])
    return SimpleNamespace(county=county, towns=towns, category=category, hospital=hospital,
                           chairman=make_chairman("chairman"), branch=make_branch_admin("branch"),
                           nurse=make_unit_member(hospital, "hospital1"))


def order(w, code, **fields):
    return Request.order(category=w.category, micro_grid=GridNode.objects.get(code=code), text="楼道灯坏了",
                         channel=Request.Channel.ONLINE, **fields)


def a_season(w):
    """Every kind of step: late and early responses, closing late, ratings, a reopen, a rework, a return."""
    now = timezone.now()
    ago = lambda days: now - datetime.timedelta(days=days)  # noqa: E731
    made = []
    for index, code in enumerate(["NJ-01-01", "NJ-01-02", "NJ-02-01", "BJ-01-01", "BJ-02-02", "GL-01-01",
                                  "GL-02-01", "NJ-01-01", "GL-01-02", "BJ-01-02"]):
        wish = order(w, code)
        made.append(wish)
        if index == 9:
            continue  # stays ordered
        if index == 8:
            wish.mark_invalid("重复提交", by=w.chairman)
            continue
        wish.dispatch(w.hospital, now + datetime.timedelta(days=1 + index), by=w.chairman)
        if index == 7:
            continue  # dispatched, its deadline still to come
        wish.accept(w.nurse.person, by=w.nurse)
        if index == 6:
            wish.return_to_ordered("不属于本单位", by=w.nurse)
            continue
        wish.close("已处理", by=w.nurse)
        if index in (0, 1, 2, 3):
            wish.publicise("已处理完毕", by=w.branch)
        if index in (0, 3):
            wish.rate(Request.Rating.SATISFIED)
        if index == 1:
            wish.rate(Request.Rating.UNSATISFIED, "灯还是不亮")  # reopened
            wish.close("已更换灯泡", by=w.nurse)
            wish.rate(Request.Rating.BASICALLY)
        if index == 4:
            wish.send_back_for_rework("没有照片", by=w.branch)
    # Backdated lives: ordered weeks ago, answered late and closed after the deadline.
    for code in ("NJ-02-02", "GL-02-02"):
        wish = order(w, code)
        Request.objects.filter(pk=wish.pk).update(ordered_at=ago(40))
        wish.transitions.update(at=ago(40))
        rollups.rebuild()  # the UPDATE above is no transition: count it once, as the seeds do
        wish.dispatch(w.hospital, ago(20), by=w.chairman, at=ago(30))
        wish.accept(w.nurse.person, by=w.nurse, at=ago(29))
        wish.close("已处理", by=w.nurse, closed_at=ago(10))
        made.append(wish)
    return made


@pytest.fixture
def w():
    world = county_world()
    a_season(world)
    return world


def below(node):
    from requests.statistics.area import BELOW

    kind = BELOW.get(node.kind)
    return list(GridNode.objects.filter(tree_id=node.tree_id, lft__gt=node.lft, lft__lt=node.rght, kind=kind)) \
        if kind else []


def recounted_rates(node):
    """rates.py on the node's records, with the page's cut: limits that passed before this month (of LATER)."""
    requests = Request.objects.filter(micro_grid__in=GridNode.objects.subtree_of([node]))
    return rates.rates(requests, YEAR, now=rollups.due_cut(LATER)).get(None, rates.Rates()), requests


# --- the table equals a recount --------------------------------------------------------------------------------

def test_after_every_kind_of_transition_the_table_equals_a_recount(w):
    assert rollups.mismatches(rollups.recount(), rollups.maintained()) == []


def test_the_transitions_alone_keep_the_table():
    w = county_world()  # no rebuild anywhere: only the transition methods write the counts
    wish = order(w, "NJ-01-01")
    wish.dispatch(w.hospital, by=w.chairman)
    wish.accept(w.nurse.person, by=w.nurse)
    wish.close("已处理", by=w.nurse)
    wish.rate(Request.Rating.UNSATISFIED, "没修好")
    assert rollups.maintained() == {key: cell for key, cell in rollups.recount().items() if any(cell.values())}


def test_a_transition_that_fails_midway_leaves_the_counts_as_they_were(w, monkeypatch):
    wish = Request.objects.filter(state=Request.State.ORDERED).first()
    before = rollups.maintained()
    monkeypatch.setattr(Transition, "save", lambda *args, **kwargs: 1 / 0)  # after the UPDATE, inside track()
    with pytest.raises(ZeroDivisionError):
        wish.dispatch(w.hospital, by=w.chairman)
    monkeypatch.undo()
    assert rollups.maintained() == before


def test_a_deleted_request_takes_its_counts_along(w):
    Request.objects.filter(state=Request.State.PUBLICISED).first().delete()
    assert rollups.mismatches(rollups.recount(), rollups.maintained()) == []


def test_a_categorys_new_response_limit_moves_its_requests_limits(w):
    w.category.response_workdays = 25  # the limits of December move into January and February
    w.category.save()
    assert rollups.mismatches(rollups.recount(), rollups.maintained()) == []


def test_rollup_check_passes_on_the_maintained_table(w, capsys):
    call_command("rollup_check")
    assert "equal a recount" in capsys.readouterr().out


def test_rollup_check_fails_when_a_count_drifted(w):
    RollupCount.objects.filter(received__gt=0).update(received=99)
    with pytest.raises(CommandError):
        call_command("rollup_check")


def test_rollup_check_repair_rebuilds_the_table(w):
    RollupCount.objects.all().delete()
    call_command("rollup_check", "--repair")
    assert rollups.mismatches(rollups.recount(), rollups.maintained()) == []


# --- every level equals the rates of its records and the sum of the level below ------------------------------

def test_every_levels_rates_equal_a_recount_of_its_records(w):
    for node in GridNode.objects.exclude(kind=K.MICRO_GRID):
        total, _rows = rollups.area_figures(node, below(node), YEAR, now=LATER)
        expected, _requests = recounted_rates(node)
        assert (node.code, total.rates) == (node.code, expected)


def test_every_levels_figures_equal_a_count_of_its_records(w):
    for node in GridNode.objects.exclude(kind=K.MICRO_GRID):
        total, _rows = rollups.area_figures(node, below(node), YEAR, now=LATER)
        _rates, requests = recounted_rates(node)
        counted = (requests.ordered_between(YEAR.start, YEAR.end).count(),
                   requests.fulfilled_between(YEAR.start, YEAR.end).count())
        assert (node.code, total.received, total.fulfilled) == (node.code, *counted)


def test_each_level_is_the_sum_of_the_level_below(w):
    for node in GridNode.objects.filter(kind__in=[K.COUNTY, K.TOWN, K.COMMUNITY, K.GRID]):
        total, rows = rollups.area_figures(node, below(node), YEAR, now=LATER)
        summed = rates.Rates()
        for figures in rows.values():
            summed = rates.Rates(summed.response + figures.rates.response,
                                 summed.resolution + figures.rates.resolution,
                                 summed.satisfaction + figures.rates.satisfaction,
                                 summed.unrated + figures.rates.unrated)
        assert (node.code, summed) == (node.code, total.rates)


def test_this_months_limits_wait_for_the_month_to_end(w):
    total, _rows = rollups.area_figures(w.county, w.towns, Period.month(*timezone.localdate().timetuple()[:2]))
    assert (total.rates.response.denominator, total.rates.resolution.denominator) == (0, 0)


def test_the_ratings_count_up_to_now(w):
    total, _rows = rollups.area_figures(w.county, w.towns, YEAR)
    assert total.rates.satisfaction == rates.Rate(3, 3)


# --- the page -------------------------------------------------------------------------------------------------

def test_the_county_page_lists_its_towns_as_links_down(client, w):
    page = client.get(reverse("requests:area", args=["YA"])).content.decode()
    assert reverse("requests:area", args=["DC"]) in page


def test_a_community_page_lists_its_grids(client, w):
    page = client.get(reverse("requests:area", args=["NJ-C"])).content.decode()
    assert reverse("requests:area", args=["NJ-02"]) in page


def test_a_community_page_has_the_path_up(client, w):
    page = client.get(reverse("requests:area", args=["NJ-C"])).content.decode()
    assert reverse("requests:area", args=["YA"]) in page


def test_the_page_shows_numerator_and_denominator(client, w):
    page = client.get(reverse("requests:area", args=["YA"])).content.decode()
    assert "(3 / 3)" in page


def test_an_unknown_node_is_a_404(client, w):
    assert client.get(reverse("requests:area", args=["NOPE"])).status_code == 404


def test_a_grid_worker_sees_their_grid(client, w):
    client.force_login(make_grid_worker("NJ-01", "worker01"))
    assert client.get(reverse("requests:area", args=["NJ-01"])).status_code == 200


def test_a_grid_worker_gets_a_404_for_the_town(client, w):
    client.force_login(make_grid_worker("NJ-01", "worker01"))
    assert client.get(reverse("requests:area", args=["DC"])).status_code == 404


def test_a_grid_workers_breadcrumb_links_only_what_they_see(client, w):
    client.force_login(make_grid_worker("NJ-01", "worker01"))
    page = client.get(reverse("requests:area", args=["NJ-01-01"])).content.decode()
    assert (reverse("requests:area", args=["NJ-01"]) in page, reverse("requests:area", args=["DC"]) in page) \
        == (True, False)


def test_a_bad_month_falls_back_to_this_year(client, w):
    response = client.get(reverse("requests:area", args=["YA"]), {"month": "2026-13"})
    assert response.status_code == 200


def test_the_county_pages_queries_do_not_grow_with_the_county(client, w):
    url = reverse("requests:area", args=["YA"])
    small = queries_for(client, url)
    for code in ("NJ-01-01", "BJ-02-01", "GL-02-02"):
        bring = order(w, code)
        bring.dispatch(w.hospital, by=w.chairman)
    town = make_node(code="QL", kind=K.TOWN, parent=GridNode.objects.get(code="YA"), name="前场镇")
    make_node(code="QL-C", kind=K.COMMUNITY, parent=town, name="前场社区")
    assert queries_for(client, url) == small


def test_the_county_seed_counts_its_bulk_rows():
    from tests.factories import make_tree

    make_tree(grids=3, micro_per_grid=2)
    category = make_category(default_deadline_days=7)
    make_unit_member(make_unit(duties=[category]))
    call_command("seed_county", "--communities=4", "--households=60", "--visits=150", "--requests=500", "--years=2",
                 stdout=io.StringIO())
    county = GridNode.objects.get(code="YA")
    total, _rows = rollups.area_figures(county, below(county), Period(YEAR.start.replace(year=YEAR.start.year - 2),
                                                                      YEAR.end))
    assert (rollups.mismatches(rollups.recount(), rollups.maintained()), total.received) == ([], 500)
