"""Concurrent tree writers on PostgreSQL leave lft/rght consistent: GridNode.save() takes an advisory lock.

Moves go both through `parent = …; save()` (the admin and forms) and through mptt's `move_to()`, which
GridNode overrides to take the same lock.
"""

import threading

import pytest
from django.db import connection, connections

from grid.models import GridNode
from tests.conftest import requires_postgres
from tests.factories import make_tree

WRITERS = 6


def tree_values():
    return list(GridNode.objects.order_by("pk").values_list("pk", "tree_id", "lft", "rght", "level", "parent_id"))


def assert_nested_sets_are_consistent():
    for tree_id in set(GridNode.objects.values_list("tree_id", flat=True)):
        nodes = list(GridNode.objects.filter(tree_id=tree_id))
        numbers = sorted([n.lft for n in nodes] + [n.rght for n in nodes])
        assert numbers == list(range(1, 2 * len(nodes) + 1))
        by_pk = {n.pk: n for n in nodes}
        for node in nodes:
            parent = by_pk.get(node.parent_id)
            if parent is not None:
                assert parent.lft < node.lft < node.rght < parent.rght
                assert node.level == parent.level + 1


def writer(number, errors, barrier):
    try:
        barrier.wait()
        grid = GridNode.objects.get(code=f"NJ-{number:02d}")
        for micro in range(3, 8):
            GridNode(code=f"NJ-{number:02d}-{micro:02d}", kind=GridNode.Kind.MICRO_GRID, parent=grid,
                     name=f"新微网格{micro}").save()
        # Move one of our micro-grids to the neighbouring grid and one of theirs to ours.
        neighbour = GridNode.objects.get(code=f"NJ-{number % WRITERS + 1:02d}")
        moving = GridNode.objects.get(code=f"NJ-{number:02d}-03")
        moving.parent = neighbour
        moving.save()
        GridNode.objects.get(code=f"NJ-{number:02d}-04").move_to(neighbour)
        GridNode(code=f"NJ-{number:02d}-99", kind=GridNode.Kind.GRID, parent=grid.parent, name="新网格").save()
    except Exception as error:  # noqa: BLE001 - reported to the main thread
        errors.append(error)
    finally:
        connections.close_all()


@requires_postgres
@pytest.mark.postgres
def test_concurrent_inserts_and_moves_leave_the_tree_consistent(transactional_db):
    assert connection.vendor == "postgresql"
    make_tree(grids=WRITERS, micro_per_grid=2)
    errors, barrier = [], threading.Barrier(WRITERS)
    threads = [threading.Thread(target=writer, args=(n, errors, barrier)) for n in range(1, WRITERS + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert GridNode.objects.count() == 1 + WRITERS * (1 + 2 + 5 + 1)
    assert_nested_sets_are_consistent()


@requires_postgres
@pytest.mark.postgres
def test_after_the_race_a_rebuild_changes_no_lft_or_rght(transactional_db):
    make_tree(grids=WRITERS, micro_per_grid=2)
    errors, barrier = [], threading.Barrier(WRITERS)
    threads = [threading.Thread(target=writer, args=(n, errors, barrier)) for n in range(1, WRITERS + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    before = tree_values()
    GridNode.objects.rebuild()
    assert before == tree_values()


def test_move_to_refuses_a_micro_grid_under_the_total_grid(db):
    from django.core.exceptions import ValidationError

    total = make_tree(grids=1, micro_per_grid=1)
    with pytest.raises(ValidationError) as refused:
        GridNode.objects.get(code="NJ-01-01").move_to(total)
    assert "kind_depth" in {e.code for es in refused.value.error_dict.values() for e in es}
