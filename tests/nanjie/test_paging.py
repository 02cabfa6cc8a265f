"""Long lists are counted up to 1000 and say so, instead of counting a whole table on every page."""

import pytest
from django.test import RequestFactory

from grid.models import GridNode
from nanjie.paging import count_up_to, paginate
from tests.factories import make_node

pytestmark = pytest.mark.django_db


@pytest.fixture
def nodes():
    total = make_node(code="NJ", kind=GridNode.Kind.TOTAL_GRID)
    return [make_node(code=f"NJ-{n:02d}", kind=GridNode.Kind.GRID, parent=total) for n in range(1, 6)]


def test_a_short_list_is_counted_exactly(nodes):
    count = count_up_to(GridNode.objects.all(), cap=10)
    assert (count, count.capped, str(count)) == (6, False, "6")


def test_a_long_list_is_counted_up_to_the_cap_and_prints_with_a_plus(nodes):
    count = count_up_to(GridNode.objects.all(), cap=3)
    assert (count, count.capped, str(count)) == (3, True, "3+")


def test_a_later_page_lists_its_rows(nodes):
    page = paginate(RequestFactory().get("/?page=2"), GridNode.objects.order_by("code"), per_page=4)
    assert page.number == 2
    assert not page.paginator.capped
    assert [n.code for n in page] == ["NJ-04", "NJ-05"]


def test_the_community_is_the_subtree_of_the_total_grid_with_the_portals_code(nodes, settings):
    other = make_node(code="XX", kind=GridNode.Kind.TOTAL_GRID)
    make_node(code="XX-01", kind=GridNode.Kind.GRID, parent=other)
    assert set(GridNode.objects.of_community().values_list("code", flat=True)) == {"NJ"} | {n.code for n in nodes}


def test_without_the_portals_total_grid_the_community_is_every_node(nodes, settings):
    settings.COMMUNITY_CODE = "ZZ"
    assert GridNode.objects.of_community().count() == 6
