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
It lives in `requests/` because only the top floor may import every app.
"""

import datetime
import random
import secrets
import time

from django.contrib.auth import get_user_model
from django.db import connection, models, transaction
from django.utils import timezone

from grid.models import GridNode, GridPost, Household, HouseholdTag, Person, SpecialGroup, Visit
from grid.models.territory import TREE_LOCK_KEY
from grid.seed import COMPOUNDS, GIVEN, SURNAMES, fictional_phone
from partners.models import Category, Unit, UnitMembership
from requests.models import Request, Transition

TOWNS = ["栋川镇", "光禄镇", "前场镇", "弥兴镇", "太平镇", "官屯镇", "大河口镇", "适中镇", "左门镇"]
COUNTY_CODE = "YA"
SYSTEM_USERNAME = "county_seed"


class Scale:
    """Sizes; `Scale.tiny()` is what the tests build on SQLite in a second."""

    def __init__(self, communities=77, grids=27, micro_grids=247, households=60_000, visits=300_000,
                 requests=1_000_000, years=5):
        self.communities, self.grids, self.micro_grids = communities, grids, micro_grids
        self.households, self.visits, self.requests, self.years = households, visits, requests, years

    @classmethod
    def tiny(cls):
        return cls(communities=4, grids=3, micro_grids=8, households=60, visits=150, requests=500, years=2)


# --------------------------------------------------------------------------------------------------------------
# Bulk writing


def _fillers(model, given, now):
    """(column, value or callable) for every concrete column not in `given`."""
    out = []
    for field in model._meta.concrete_fields:
        if field.attname in given or field.primary_key:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            out.append((field.column, now))
        elif field.has_default():
            default = field.default
            out.append((field.column, default if callable(default) else field.get_default()))
        elif field.null:
            out.append((field.column, None))
        elif isinstance(field, (models.CharField, models.TextField)) and field.blank:
            out.append((field.column, ""))
        else:
            raise RuntimeError(f"seed_county does not fill {model.__name__}.{field.name}: add it to the seed")
    return out


def write(model, fields, rows, now):
    """Insert rows (tuples in the order of `fields`, attnames) and return how many were written."""
    fill = _fillers(model, set(fields), now)
    columns = [model._meta.get_field(name).column for name in fields] + [column for column, _value in fill]
    constants = [value for _column, value in fill]
    dynamic = [index for index, value in enumerate(constants) if callable(value)]

    def complete(row):
        if not fill:
            return row
        extra = list(constants)
        for index in dynamic:
            extra[index] = constants[index]()
        return (*row, *extra)

    table = connection.ops.quote_name(model._meta.db_table)
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    count = 0
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        with connection.connection.cursor() as cursor, cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(complete(row))
                count += 1
        return count
    placeholders = ", ".join(["%s"] * len(columns))
    batch = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(complete(row))
            if len(batch) == 5000:
                cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})", batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})", batch)
            count += len(batch)
    return count


def next_id(model):
    return (model.objects.aggregate(top=models.Max("pk"))["top"] or 0) + 1


def reset_sequences(*models_):
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models_:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), GREATEST((SELECT MAX(id) FROM {table}), 1))",
                [table],
            )


# --------------------------------------------------------------------------------------------------------------
# The territory tree


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


# --------------------------------------------------------------------------------------------------------------
# People, posts, households, visits, requests


def name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def staff_generated(rng, communities, now):
    """1+1+N posts for every generated grid; returns {micro-grid id: worker person id}."""
    person_id, post_id = next_id(Person), next_id(GridPost)
    people, posts, covers = [], [], []
    worker_of = {}
    M2M = GridPost.micro_grids.through
    for community in communities:
        for total in community.children:
            if not total.new:
                continue
            for grid in total.children:
                roles = [GridPost.Role.LEADER, GridPost.Role.LAW_ENFORCEMENT]
                micros = sorted(grid.children, key=lambda n: n.code)
                chunks = []
                start = 0
                while start < len(micros):
                    size = rng.choice((2, 3, 3, 4))
                    chunks.append(micros[start:start + size])
                    start += size
                for role, chunk in [(r, None) for r in roles] + [(GridPost.Role.MICRO_WORKER, c) for c in chunks]:
                    party = role == GridPost.Role.LEADER or rng.random() < 0.3
                    people.append((person_id, name(rng), fictional_phone(rng),
                                   Person.PoliticalStatus.PARTY_MEMBER if party else Person.PoliticalStatus.MASSES))
                    posts.append((post_id, grid.id, person_id, role))
                    for micro in chunk or ():
                        covers.append((post_id, micro.id))
                        worker_of[micro.id] = person_id
                    person_id += 1
                    post_id += 1
    write(Person, ["id", "name", "phone", "political_status"], people, now)
    write(GridPost, ["id", "node_id", "person_id", "role"], posts, now)
    write(M2M, ["gridpost_id", "gridnode_id"], covers, now)
    reset_sequences(Person, GridPost)
    for micro_id, person in GridPost.micro_grids.through.objects.filter(
            gridpost__role=GridPost.Role.MICRO_WORKER).exclude(gridnode_id__in=worker_of).values_list(
            "gridnode_id", "gridpost__person_id"):
        worker_of[micro_id] = person  # Nanjie's own workers, from the normal seed
    return worker_of, len(people)


def households(rng, scale, micro_ids, now):
    first = next_id(Household)
    rows, tags = [], []
    groups = list(SpecialGroup.values)
    per_micro = {}
    for offset in range(scale.households):
        micro = micro_ids[offset % len(micro_ids)] if offset < len(micro_ids) else rng.choice(micro_ids)
        n = per_micro[micro] = per_micro.get(micro, 0) + 1
        building = str(rng.randint(1, 24))
        rows.append((first + offset, micro, rng.choice(COMPOUNDS), building, str(rng.randint(1, 4)),
                     f"{(n - 1) // 4 + 1}0{(n - 1) % 4 + 1}", rng.randint(1, 6), name(rng), fictional_phone(rng)))
        if rng.random() < 0.12:
            tags.append((first + offset, rng.choice(groups)))
    write(Household, ["id", "micro_grid_id", "compound", "building", "unit_number", "room", "people",
                      "contact_name", "contact_phone"], rows, now)
    write(HouseholdTag, ["household_id", "group"], tags, now)
    reset_sequences(Household)
    return [(row[0], row[1]) for row in rows]


def visits(rng, scale, homes, worker_of, system_user, today, now):
    days = 365 * scale.years

    def rows():
        for _ in range(scale.visits):
            home, micro = rng.choice(homes)
            on = today - datetime.timedelta(days=int(days * rng.random() ** 1.5))
            yield (home, worker_of.get(micro) or fallback, on, "楼道通畅", "居住安全", "近况如何", "无意见",
                   "", system_user)

    fallback = next(iter(worker_of.values()))
    written = write(Visit, ["household_id", "worker_id", "visited_on", "walked", "looked", "asked", "listened",
                            "opinions", "recorded_by_id"], rows(), now)
    return written


TEXTS = ["楼道灯坏了,晚上看不见", "小区门口垃圾没人清运", "家里老人需要上门体检", "想咨询医保报销政策",
         "邻居装修噪音扰民", "下水道堵塞", "孩子就业需要帮助", "路灯不亮", "独居老人需要帮忙买菜",
         "屋顶漏水", "想了解廉租房申请", "自来水水压太低", "楼下占道经营", "需要法律援助"]
CLOSURES = ["已上门处理完毕", "已联系相关单位解决", "已协调办结", "已更换并试用正常"]
STAFF_STEPS = ["dispatched", "accepted", "closed", "publicised"]


def pick_state(rng, age_days):
    """Old matters are almost all closed and publicised; recent ones are spread over every state."""
    r = rng.random()
    if age_days > 60:
        if r < 0.86:
            return "publicised"
        if r < 0.93:
            return "closed"
        if r < 0.975:
            return "invalid"
        return "accepted" if r < 0.9775 else "dispatched" if r < 0.978 else "closed"
    if age_days > 14:
        table = [(0.55, "publicised"), (0.75, "closed"), (0.85, "accepted"), (0.9, "dispatched"), (0.95, "invalid")]
    else:
        table = [(0.1, "publicised"), (0.3, "closed"), (0.55, "accepted"), (0.75, "dispatched"), (0.8, "invalid")]
    for bound, state in table:
        if r < bound:
            return state
    return "ordered"


def requests_and_transitions(rng, scale, nodes, homes, system_user, now):
    """Requests over `years` years with a Transition for every step they went through."""
    micro_prefix = {}
    for node in nodes:
        if node.kind == GridNode.Kind.MICRO_GRID:
            top = node
            while top.kind != GridNode.Kind.TOTAL_GRID:
                top = top.parent
            micro_prefix[node.id] = top.code
    micro_ids = sorted(micro_prefix)
    homes_of = {}
    for home, micro in homes:
        homes_of.setdefault(micro, []).append(home)
    categories = list(Category.objects.values_list("id", "default_deadline_days"))
    duty = {}
    for unit_id, category_id in Unit.duties.through.objects.values_list("unit_id", "category_id"):
        duty.setdefault(category_id, []).append(unit_id)
    members = {}
    for unit_id, person_id in UnitMembership.objects.values_list("unit_id", "person_id"):
        members.setdefault(unit_id, []).append(person_id)
    units = sorted(members)
    if not categories or not units:
        raise RuntimeError("seed_county needs categories and units with members: run `manage.py seed` first")
    span = 365 * scale.years * 86400
    start = now - datetime.timedelta(seconds=span)
    # Ascending times, so ids follow ordered_at as they would in life.
    times = sorted(rng.random() for _ in range(scale.requests))
    first_id = next_id(Request)
    transitions = []
    channels = [c for c in Request.Channel.values if c != Request.Channel.GRID_VISIT]

    def rows():
        for offset, fraction in enumerate(times):
            pk = first_id + offset
            micro = rng.choice(micro_ids)
            ordered = start + datetime.timedelta(seconds=span * fraction)
            age = (now - ordered).days
            state = pick_state(rng, age)
            category, days = rng.choice(categories)
            local_year = timezone.localtime(ordered).year
            # As Request.order does: the community's code, the year, the primary key.
            reference = f"{micro_prefix[micro]}-{local_year}-{pk:06d}"
            unit = acceptor = deadline = None
            dispatched = accepted = closed = publicised = rated = None
            closure = invalid = rating = ""
            steps = [("", "ordered", None, ordered, "", None)]
            at = ordered
            if state != "ordered" and state != "invalid":
                unit = rng.choice(duty.get(category) or units)
                at = dispatched = min(at + datetime.timedelta(hours=rng.uniform(0.5, 30)), now)
                deadline = dispatched + datetime.timedelta(days=days)
                steps.append(("ordered", "dispatched", system_user, at, "", unit))
                if state != "dispatched":
                    acceptor = rng.choice(members[unit])
                    at = accepted = at + datetime.timedelta(hours=rng.uniform(0.5, 48))
                    steps.append(("dispatched", "accepted", system_user, at, "", None))
                    if state in ("closed", "publicised"):
                        closure = rng.choice(CLOSURES)
                        at = closed = at + datetime.timedelta(hours=rng.uniform(2, 24 * days))
                        steps.append(("accepted", "closed", system_user, at, closure, None))
                        if rng.random() < 0.7:
                            rating = rng.choice(("satisfied", "satisfied", "satisfied", "basically"))
                            rated = at + datetime.timedelta(hours=rng.uniform(1, 72))
                        if state == "publicised":
                            at = publicised = at + datetime.timedelta(hours=rng.uniform(1, 72))
                            steps.append(("closed", "publicised", system_user, at, "", None))
            elif state == "invalid":
                invalid = "重复提交"
                at = at + datetime.timedelta(hours=rng.uniform(0.5, 30))
                steps.append(("ordered", "invalid", system_user, at, invalid, None))
            for old, new, by, when, note, step_unit in steps:
                transitions.append((pk, old, new, by, min(when, now), note, step_unit))
            home = rng.choice(homes_of[micro]) if micro in homes_of and rng.random() < 0.3 else None
            yield (pk, reference, secrets.token_urlsafe(32), category, rng.choice(TEXTS), micro,
                   rng.choice(channels), name(rng), fictional_phone(rng), home, state, unit, deadline, acceptor,
                   closure, invalid, rating, ordered, dispatched, min(accepted, now) if accepted else None,
                   min(closed, now) if closed else None, min(publicised, now) if publicised else None,
                   min(rated, now) if rated else None, min(at, now))

    written = write(Request, ["id", "reference", "token", "category_id", "text", "micro_grid_id", "channel",
                              "resident_name", "resident_phone", "household_id", "state", "unit_id", "deadline",
                              "acceptor_id", "closure_note", "invalid_reason", "rating", "ordered_at",
                              "dispatched_at", "accepted_at", "closed_at", "publicised_at", "rated_at",
                              "updated_at"], rows(), now)
    reset_sequences(Request)
    moved = write(Transition, ["request_id", "old_state", "new_state", "by_id", "at", "note", "unit_id"],
                  transitions, now)
    reset_sequences(Transition)
    return written, moved


# --------------------------------------------------------------------------------------------------------------


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
