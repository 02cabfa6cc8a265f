"""The county seed's bulk path keeps the mptt tree valid and the requests consistent; the bench floor is free."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import F
from django.test import RequestFactory

from bench.county_seed import Scale, run, verify_tree
from grid.models import GridNode
from nanjie.views import floor
from requests.models import Request
from tests.factories import make_category, make_tree, make_unit, make_unit_member


@pytest.fixture
def county(db):
    make_tree(grids=3, micro_per_grid=2)
    category = make_category(default_deadline_days=7)
    make_unit_member(make_unit(duties=[category]))
    run(lambda line: None, Scale.tiny())
    return GridNode.objects.get(code="YA")


def tree_numbers():
    return {pk: numbers for pk, *numbers in GridNode.objects.values_list("pk", "lft", "rght", "level", "tree_id")}


def test_county_tree_passes_the_sql_checks(county):
    assert verify_tree(county.tree_id) == []


def test_county_tree_is_what_mptt_rebuild_would_make(county):
    bulk = tree_numbers()
    GridNode.objects.rebuild()
    assert tree_numbers() == bulk


def test_nanjie_is_moved_under_its_community(county):
    assert GridNode.objects.get(code="NJ").parent.get_ancestors().first() == county


def test_every_request_has_a_transition_for_its_current_state(county):
    assert not Request.objects.exclude(transitions__new_state=F("state")).exists()


def test_requests_reach_every_state(county):
    assert set(Request.objects.values_list("state", flat=True).distinct()) == set(Request.State.values)


def test_a_second_run_changes_nothing(county):
    before = Request.objects.count()
    run(lambda line: None, Scale.tiny())
    assert Request.objects.count() == before


def test_floor_renders_base_template_with_no_queries(db, django_assert_num_queries):
    request = RequestFactory().get("/_floor/")
    request.user = AnonymousUser()
    with django_assert_num_queries(0):
        response = floor(request)
    assert response.status_code == 200
