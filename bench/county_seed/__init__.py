"""Yao'an county at realistic size, for the benchmarks: `python manage.py seed_county`.

9 towns, 77 communities (Nanjie's existing tree, from `manage.py seed`, is moved under its community; the other
76 are generated), each 1 total grid + 27 grids + ~247 micro-grids (~21,000 nodes), ~60,000 households,
~300,000 visits and ~1,000,000 requests over five years in every state, each with its full Transition path.

This is the one seed that does not go through the model methods: a million `Request.dispatch()` calls would
take hours. Rows are written in bulk instead — COPY on PostgreSQL (psycopg 3 `cursor.copy`), executemany
elsewhere — and so the bulk path must do by hand what the methods guarantee:
- the mptt fields (lft/rght/level/tree_id) are computed here, children ordered by code as
  `order_insertion_by` would, and `verify_tree` checks them in SQL afterwards;
- every request satisfies the model's check constraints (dispatched → unit + deadline; accepted and later →
  acceptor) and carries a Transition row for every step up to its current state (a dispatch with its unit);
- fields this module does not know (others add fields to Household/Visit) get their model default, NULL, or ''
  (`_fillers`); a new required field without a default makes the seed stop with its name.
It lives under bench/ because it is a benchmark's data generator, not the portal's: the `seed_county` command
(requests/, the only floor that may reach every app) runs it. bulk.py writes rows, tree.py the territory tree,
rows.py people, households, visits and requests.
"""

import random
import time

from django.contrib.auth import get_user_model
from django.db import connection, models, transaction
from django.utils import timezone

from bench.county_seed.bulk import next_id
from bench.county_seed.rows import households, requests_and_transitions, staff_generated, visits
from bench.county_seed.tree import COUNTY_CODE, build_tree, verify_tree, write_tree
from grid.models import GridNode
from grid.territory.models import TREE_LOCK_KEY

SYSTEM_USERNAME = "county_seed"
__all__ = ["Scale", "run", "verify_tree"]


class Scale:
    """Sizes; `Scale.tiny()` is what the tests build on SQLite in a second."""

    def __init__(self, communities=77, grids=27, micro_grids=247, households=60_000, visits=300_000,
                 requests=1_000_000, years=5):
        self.communities, self.grids, self.micro_grids = communities, grids, micro_grids
        self.households, self.visits, self.requests, self.years = households, visits, requests, years

    @classmethod
    def tiny(cls):
        return cls(communities=4, grids=3, micro_grids=8, households=60, visits=150, requests=500, years=2)


def run(out, scale=None, seed="yaoan-county"):
    """Build the county once; a second run finds the county root and changes nothing."""
    scale = scale or Scale()
    if GridNode.objects.filter(code=COUNTY_CODE).exists():
        out("seed_county: the county is already there; nothing to do.")
        return None
    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate()
    timings = {}
    clock = time.monotonic()

    def lap(label):
        nonlocal clock
        timings[label] = round(time.monotonic() - clock, 1)
        out(f"  {label}: {timings[label]} s")
        clock = time.monotonic()

    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit = off")
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TREE_LOCK_KEY])
        User = get_user_model()
        system_user, _created = User.objects.get_or_create(username=SYSTEM_USERNAME)
        if _created:
            system_user.set_unusable_password()
            system_user.save(update_fields=["password"])
        ids = iter(range(next_id(GridNode), 10**9))
        root, communities, nanjie = build_tree(rng, scale, ids)
        tree_id = nanjie.tree_id if nanjie else (GridNode.objects.aggregate(t=models.Max("tree_id"))["t"] or 0) + 1
        written, moved, nodes = write_tree(root, tree_id, now)
        problems = verify_tree(tree_id)
        if problems:
            raise RuntimeError("the bulk tree is invalid: " + "; ".join(problems))
        lap(f"tree ({written} new nodes, {moved} Nanjie nodes moved, verified)")
        worker_of, people = staff_generated(rng, communities, now)
        lap(f"staff ({people} people on 1+1+N posts)")
        micro_ids = sorted(n.id for n in nodes if n.kind == GridNode.Kind.MICRO_GRID)
        homes = households(rng, scale, micro_ids, now)
        lap(f"households ({len(homes)})")
        visited = visits(rng, scale, homes, worker_of, system_user.pk, today, now)
        lap(f"visits ({visited})")
        made, steps = requests_and_transitions(rng, scale, nodes, homes, system_user.pk, now)
        lap(f"requests ({made}) and transitions ({steps})")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        lap("analyze")
    return {"nodes": len(nodes), "people": people, "households": len(homes), "visits": visited,
            "requests": made, "transitions": steps, "timings": timings}
