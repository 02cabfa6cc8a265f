"""The rates as named queryset methods: numerator, denominator and the drill-down behind each; the agenda's
proposals (needs unclaimed for N days, projects behind schedule); the year's fulfilled count."""

import datetime

import pytest
from django.utils import timezone

from grid.models import GridNode
from partners.models import Milestone, Need, Project
from tests.factories import make_tree, make_unit
from tests.partners.lists.factories import claimed, make_need, make_project, verified

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tree():
    make_tree(grids=2, micro_per_grid=1)


def grid(code):
    return GridNode.objects.get(code=code)


def test_the_claim_rate_counts_needs_with_a_claim_of_all_needs():
    claimed(make_need())
    make_need()
    rate = Need.objects.claim_rate()
    assert (rate.numerator, rate.denominator, rate.percent) == (1, 2, 50)


def test_a_withdrawn_claim_does_not_count_as_claimed():
    claimed(make_need()).withdraw("人手不够", by=None)
    assert Need.objects.claim_rate().numerator == 0


def test_the_fulfilment_rate_counts_fulfilled_needs():
    verified(make_need())
    claimed(make_need())
    rate = Need.objects.fulfilment_rate()
    assert (rate.numerator, rate.denominator) == (1, 2)


def test_a_rate_of_nothing_has_no_percentage():
    assert Need.objects.claim_rate().percent is None


def test_the_rate_links_to_the_items_behind_each_figure():
    rate = Need.objects.claim_rate()
    assert (rate.numerator_url, rate.denominator_url) == (
        "/partners/lists/needs/?claimed=yes", "/partners/lists/needs/")


def test_per_grid_a_need_of_a_micro_grid_counts_for_its_grid():
    claimed(make_need(grid=grid("NJ-02-01")))
    rows = Need.objects.rates_per_grid([grid("NJ-01"), grid("NJ-02")])
    assert [(claim.numerator, claim.denominator) for _grid, claim, _fulfil in rows] == [(0, 0), (1, 1)]


def test_per_unit_the_claim_rate_is_the_share_of_the_list_it_claimed():
    unit = make_unit()
    claimed(make_need(), unit)
    make_need()
    (_unit, claim, _fulfil), = Need.objects.rates_per_unit([unit])
    assert (claim.numerator, claim.denominator) == (1, 2)


def test_per_unit_the_fulfilment_rate_is_its_claims_verified():
    unit = make_unit()
    verified(make_need(), unit)
    claimed(make_need(), unit)
    (_unit, _claim, fulfil), = Need.objects.rates_per_unit([unit])
    assert (fulfil.numerator, fulfil.denominator) == (1, 2)


def test_the_projects_have_their_own_rates():
    verified(make_project())
    make_project()
    assert (Project.objects.claim_rate().numerator, Project.objects.fulfilment_rate().denominator) == (1, 2)


def test_fulfilled_in_counts_this_years_fulfilled_needs():
    verified(make_need())
    old = make_need()
    verified(old)
    Need.objects.filter(pk=old.pk).update(fulfilled_at=timezone.now() - datetime.timedelta(days=400))
    assert Need.objects.fulfilled_in().count() == 1


def test_unclaimed_for_lists_old_needs_nobody_claimed():
    old, fresh, taken = make_need(), make_need(), make_need()
    claimed(taken)
    Need.objects.filter(pk__in=[old.pk, taken.pk]).update(created_at=timezone.now() - datetime.timedelta(days=31))
    assert list(Need.objects.unclaimed_for(30)) == [old]
    assert fresh not in Need.objects.unclaimed_for(30)


def test_behind_schedule_lists_projects_with_a_past_milestone_not_done():
    late, on_time = make_project(), make_project()
    Milestone.objects.create(project=late, title="施工", due_on=timezone.localdate() - datetime.timedelta(days=1))
    Milestone.objects.create(project=on_time, title="施工", due_on=timezone.localdate() + datetime.timedelta(days=9))
    assert list(Project.objects.behind_schedule()) == [late]


def test_progress_is_the_share_of_milestones_done():
    project = make_project()
    for title in ("设计", "施工"):
        Milestone.objects.create(project=project, title=title, due_on=timezone.localdate())
    project.milestones.first().mark_done()
    assert project.progress == 50
