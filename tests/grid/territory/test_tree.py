"""The territory tree: kinds must match depths, and mptt's (tree_id, lft) index is in the migrations once."""


import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from grid.models import GridNode
from tests.factories import make_node


@pytest.mark.django_db
def test_a_micro_grid_under_a_total_grid_is_refused_with_a_clear_message():
    total = make_node(code="NJ", kind=GridNode.Kind.TOTAL_GRID)
    with pytest.raises(ValidationError) as error, translation.override("en"):
        make_node(code="NJ-01-01", kind=GridNode.Kind.MICRO_GRID, parent=total)
    assert error.value.message_dict["parent"] == ["A Micro-grid cannot be placed under a Total grid."]


@pytest.mark.django_db
def test_a_grid_without_a_parent_is_refused():
    with pytest.raises(ValidationError) as error, translation.override("en"):
        make_node(code="NJ-01", kind=GridNode.Kind.GRID)
    assert error.value.message_dict["parent"] == ["A Grid must have a parent."]


@pytest.mark.django_db
def test_the_tree_can_hold_county_town_community_above_a_total_grid():
    county = make_node(code="YA", kind=GridNode.Kind.COUNTY)
    town = make_node(code="YA-DC", kind=GridNode.Kind.TOWN, parent=county)
    community = make_node(code="YA-DC-NJ", kind=GridNode.Kind.COMMUNITY, parent=town)
    total = make_node(code="NJ", kind=GridNode.Kind.TOTAL_GRID, parent=community)
    assert total.get_level() == 3


def test_a_badly_shaped_code_is_refused():
    node = GridNode(code="nj 01", kind=GridNode.Kind.TOTAL_GRID, name="x")
    with pytest.raises(ValidationError) as error:
        node.full_clean(validate_unique=False)
    assert "code" in error.value.message_dict


@pytest.mark.django_db
def test_the_migrated_database_has_the_tree_id_lft_index_exactly_once():
    # mptt issue #682: without an explicit Meta.indexes the (tree_id, lft) index never reaches the migrations.
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, GridNode._meta.db_table)
    indexes = [name for name, c in constraints.items() if c["index"] and c["columns"] == ["tree_id", "lft"]]
    assert indexes == ["grid_node_tree_lft"]


def test_mptt_adds_no_index_of_its_own_beside_ours():
    from django.db.models import Index

    indexes = [index for index in GridNode._meta.indexes if isinstance(index, Index)]
    assert [tuple(index.fields) for index in indexes].count(("tree_id", "lft")) == 1
