"""People on the generated grids' posts, households, visits, and requests with their full Transition paths."""

import datetime
import secrets

from django.utils import timezone

from bench.county_seed.bulk import next_id, reset_sequences, write
from grid.models import GridNode, GridPost, Household, HouseholdTag, Person, SpecialGroup, Visit
from grid.territory.seed import COMPOUNDS
from nanjie.seeding import fictional_name, fictional_phone
from partners.models import Category, Unit, UnitMembership
from requests.models import Request, Transition


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
                    people.append((person_id, fictional_name(rng), fictional_phone(rng),
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
                     f"{(n - 1) // 4 + 1}0{(n - 1) % 4 + 1}", rng.randint(1, 6), fictional_name(rng),
                     fictional_phone(rng)))
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
                   rng.choice(channels), fictional_name(rng), fictional_phone(rng), home, state, unit, deadline,
                   acceptor,
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
