"""The county's territory tree, built in memory and written in bulk, with the mptt fields computed here."""

from django.db import connection

from bench.county_seed.bulk import reset_sequences, write
from grid.territory.models import GridNode
from grid.territory.seed import COMPOUNDS

TOWNS = ["栋川镇", "光禄镇", "前场镇", "弥兴镇", "太平镇", "官屯镇", "大河口镇", "适中镇", "左门镇"]
COUNTY_CODE = "YA"


class Node:
    __slots__ = ("id", "kind", "code", "name", "description", "parent", "children", "lft", "rght", "level", "new")

    def __init__(self, id, kind, code, name, parent, *, description="", new=True):
        self.id, self.kind, self.code, self.name, self.description = id, kind, code, name, description
        self.parent, self.children, self.new = parent, [], new
        self.lft = self.rght = self.level = None
        if parent is not None:
            parent.children.append(self)


def number_tree(root):
    """lft/rght/level by depth-first walk, children in code order (what GridNode.objects.rebuild() gives)."""
    counter = 1
    stack = [(root, 0, False)]
    while stack:
        node, level, done = stack.pop()
        if done:
            node.rght = counter
            counter += 1
            continue
        node.lft, node.level = counter, level
        counter += 1
        stack.append((node, level, True))
        for child in sorted(node.children, key=lambda n: n.code, reverse=True):
            stack.append((child, level + 1, False))


def micro_counts(rng, grids, total):
    counts = [total // grids] * grids
    for index in rng.sample(range(grids), total - sum(counts)):
        counts[index] += 1
    return counts


def build_tree(rng, scale, ids):
    """The county in memory: existing Nanjie nodes reattached under their community, the rest generated."""
    K = GridNode.Kind
    root = Node(next(ids), K.COUNTY, COUNTY_CODE, "姚安县", None, description="云南省楚雄州姚安县")
    towns = [Node(next(ids), K.TOWN, f"{COUNTY_CODE}-{n:02d}", name, root) for n, name in enumerate(TOWNS, 1)]
    # Dongchuan, the county seat, has the most communities.
    per_town = [scale.communities // len(towns)] * len(towns)
    for index in range(scale.communities - sum(per_town)):
        per_town[index % len(towns)] += 1
    nanjie = GridNode.objects.filter(code="NJ", parent__isnull=True).first()
    communities, generated = [], []
    for town, count in zip(towns, per_town, strict=True):
        for number in range(1, count + 1):
            code = f"{town.code}-{number:02d}"
            if nanjie is not None and town is towns[0] and number == 1:
                community = Node(next(ids), K.COMMUNITY, code, "南街社区", town, description="栋川镇南街社区")
                communities.append(community)
                existing = {}
                for row in GridNode.objects.filter(tree_id=nanjie.tree_id).values(
                        "id", "kind", "code", "name", "parent_id").order_by("level", "code"):
                    parent = existing.get(row["parent_id"], community)
                    existing[row["id"]] = Node(row["id"], row["kind"], row["code"], row["name"], parent, new=False)
                continue
            community = Node(next(ids), K.COMMUNITY, code, f"{town.name[:2]}第{number}社区", town)
            communities.append(community)
            prefix = f"C{town.code[-2:]}{number:02d}"
            total = Node(next(ids), K.TOTAL_GRID, prefix, f"{community.name}总网格", community)
            for g, micros in enumerate(micro_counts(rng, scale.grids, scale.micro_grids), 1):
                compound = rng.choice(COMPOUNDS)
                grid = Node(next(ids), K.GRID, f"{prefix}-{g:02d}", f"第{g}网格", total,
                            description=f"{compound}及周边")
                for m in range(1, micros + 1):
                    Node(next(ids), K.MICRO_GRID, f"{prefix}-{g:02d}-{m:02d}", f"第{g}网格第{m}微网格", grid,
                         description=f"{compound}{(m - 1) % 12 + 1}幢")
            generated.append(total)
    number_tree(root)
    return root, communities, nanjie


def walk(root):
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(node.children)


def write_tree(root, tree_id, now):
    nodes = list(walk(root))
    fields = ["id", "kind", "code", "name", "description", "parent_id", "lft", "rght", "tree_id", "level"]
    rows = ((n.id, n.kind, n.code, n.name, n.description, n.parent.id if n.parent else None, n.lft, n.rght,
             tree_id, n.level) for n in nodes if n.new)
    written = write(GridNode, fields, rows, now)
    moved = [n for n in nodes if not n.new]
    for n in moved:  # Nanjie's ~275 nodes: an UPDATE each is quick enough and works on every database
        GridNode.objects.filter(pk=n.id).update(lft=n.lft, rght=n.rght, level=n.level, tree_id=tree_id,
                                                parent_id=n.parent.id)
    reset_sequences(GridNode)
    return written, len(moved), nodes


def verify_tree(tree_id):
    """Problems with the stored tree, in SQL: counts, containment, levels, and rght - lft = 2 × descendants + 1."""
    table = GridNode._meta.db_table
    checks = {
        "lft/rght are not exactly 1..2n": f"""
            SELECT CASE WHEN COUNT(DISTINCT v) = 2 * (SELECT COUNT(*) FROM {table} WHERE tree_id = %(t)s)
                         AND MIN(v) = 1 AND MAX(v) = COUNT(v) THEN 0 ELSE 1 END
            FROM (SELECT lft AS v FROM {table} WHERE tree_id = %(t)s
                  UNION ALL SELECT rght FROM {table} WHERE tree_id = %(t)s) AS ends""",
        "a node outside its parent": f"""
            SELECT COUNT(*) FROM {table} c JOIN {table} p ON p.id = c.parent_id
            WHERE c.tree_id = %(t)s AND (p.tree_id <> c.tree_id OR c.lft <= p.lft OR c.rght >= p.rght
                                         OR c.level <> p.level + 1)""",
        # Checked locally, in one pass: a node's span is exactly its children's spans. With the two checks
        # above this gives rght - lft = 2 × descendants + 1 for every node, by induction from the leaves.
        "rght - lft <> 2 * descendants + 1": f"""
            SELECT COUNT(*) FROM {table} n LEFT JOIN (
                SELECT parent_id, SUM(rght - lft + 1) AS span FROM {table} WHERE tree_id = %(t)s GROUP BY parent_id
            ) c ON c.parent_id = n.id
            WHERE n.tree_id = %(t)s AND n.rght - n.lft - 1 <> COALESCE(c.span, 0)""",
        "more than one root": f"SELECT COUNT(*) - 1 FROM {table} WHERE tree_id = %(t)s AND parent_id IS NULL",
    }
    problems = []
    with connection.cursor() as cursor:
        for label, sql in checks.items():
            if connection.vendor != "postgresql":
                sql = sql.replace("%(t)s", "%s")
                cursor.execute(sql, [tree_id] * sql.count("%s"))
            else:
                cursor.execute(sql, {"t": tree_id})
            bad = cursor.fetchone()[0]
            if bad:
                problems.append(f"{label}: {bad}")
    return problems
