"""The portal's community as one node: the total grid coded settings.COMMUNITY_CODE."""

import pytest

from grid.territory.models import GridNode


@pytest.mark.django_db
def test_the_community_root_is_the_total_grid_of_the_configured_code(settings):
    settings.COMMUNITY_CODE = "NJ"
    total = GridNode.objects.create(code="NJ", kind=GridNode.Kind.TOTAL_GRID, name="南街社区总网格")
    assert GridNode.objects.community_root() == total


@pytest.mark.django_db
def test_without_that_node_there_is_no_community_root(settings):
    settings.COMMUNITY_CODE = "NJ"
    assert GridNode.objects.community_root() is None
