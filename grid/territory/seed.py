"""Seed Nanjie community's territory: 1 total grid → 27 grids → 247 micro-grids.

Deterministic and idempotent: every node is looked up by its code before it is created.
"""

from django.db import transaction

from grid.territory.models import GridNode

GRIDS = 27
MICRO_GRIDS = 247
COMPOUNDS = ["南街小区", "文化路小区", "栋川花园", "阳光新城", "龙华小区", "光禄苑", "金鼎小区", "锦绣家园", "北城印象",
             "荷花苑", "康乐小区", "和平小区", "东风小区", "教师小区", "民族小区"]


def micro_grid_counts(rng):
    """How many micro-grids each of the 27 grids has: 247 in all, every grid between 5 and 13."""
    counts = [MICRO_GRIDS // GRIDS] * GRIDS
    for index in rng.sample(range(GRIDS), MICRO_GRIDS - sum(counts)):
        counts[index] += 1
    for _ in range(40):
        give, take = rng.randrange(GRIDS), rng.randrange(GRIDS)
        if counts[give] > 5 and counts[take] < 13 and give != take:
            counts[give] -= 1
            counts[take] += 1
    return counts


def node(code, **fields):
    found = GridNode.objects.filter(code=code).first()
    if found:
        return found
    created = GridNode(code=code, **fields)
    created.full_clean()
    created.save()
    return created


@transaction.atomic
def run(rng, out, context):
    total = node("NJ", kind=GridNode.Kind.TOTAL_GRID, name="南街社区总网格",
                 description="南街社区全域：27个网格、247个微网格。")
    for number, count in enumerate(micro_grid_counts(rng), start=1):
        compound = COMPOUNDS[(number - 1) % len(COMPOUNDS)]
        grid = node(f"NJ-{number:02d}", kind=GridNode.Kind.GRID, parent=total, name=f"第{number}网格",
                    description=f"南街居民{(number - 1) // 3 + 1}组、{compound}及周边。")
        for micro in range(1, count + 1):
            building = (micro - 1) % 12 + 1
            node(f"NJ-{number:02d}-{micro:02d}", kind=GridNode.Kind.MICRO_GRID, parent=grid,
                 name=f"第{number}网格第{micro}微网格",
                 description=f"{compound}{building}幢{'、' + str(building + 12) + '幢' if micro > 12 else ''}")
    out(f"grid: {GridNode.objects.filter(tree_id=total.tree_id).count()} nodes")
