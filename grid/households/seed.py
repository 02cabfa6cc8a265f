"""Seed households with special groups: 16 to 32 in each micro-grid, with their contacts and tags.

Deterministic (a seeded rng) and idempotent: a micro-grid that has households is skipped. Households go in with
bulk_create (thousands of rows); nothing here has a state to move.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from grid.households.models import Household, HouseholdTag, SpecialGroup
from grid.territory.models import GridNode
from grid.territory.seed import COMPOUNDS
from nanjie.seeding import fictional_name, fictional_phone

HOUSEHOLDS_PER_MICRO_GRID = (16, 32)
TAG_WEIGHTS = [(SpecialGroup.ELDERLY_ALONE, 6), (SpecialGroup.DISABLED, 3), (SpecialGroup.HARDSHIP_FAMILY, 3),
               (SpecialGroup.HARDSHIP_PARTY_MEMBER, 1), (SpecialGroup.MIGRANT_WORKER, 3),
               (SpecialGroup.DISASTER_HIT, 1)]


def seed_households(rng):
    micro_grids = list(GridNode.objects.filter(kind=GridNode.Kind.MICRO_GRID).select_related("parent").order_by("code"))
    done = set(Household.objects.values_list("micro_grid_id", flat=True).distinct())
    created, tags = [], []
    for node in micro_grids:
        if node.pk in done:
            continue
        grid_number, micro_number = (int(part) for part in node.code.split("-")[1:3])
        compound = COMPOUNDS[(grid_number - 1) % len(COMPOUNDS)]
        building = str((micro_number - 1) % 12 + 1 + (12 if micro_number > 12 else 0))
        rooms = [(str(unit), f"{floor}0{door}") for unit in (1, 2, 3) for floor in range(1, 7) for door in (1, 2)]
        for unit, room in sorted(rng.sample(rooms, rng.randint(*HOUSEHOLDS_PER_MICRO_GRID))):
            created.append(Household(micro_grid=node, compound=compound, building=building, unit_number=unit,
                                     room=room, people=rng.choice((1, 2, 2, 3, 3, 4, 5)),
                                     contact_name=fictional_name(rng), contact_phone=fictional_phone(rng)))
            tags.append([group for group, weight in TAG_WEIGHTS if rng.random() < weight / 100])
    Household.objects.bulk_create(created, batch_size=500)
    if created:
        by_key = {(h.micro_grid_id, h.unit_number, h.room): h.pk for h in
                  Household.objects.filter(micro_grid__in=[h.micro_grid_id for h in created])}
        HouseholdTag.objects.bulk_create(
            [HouseholdTag(household_id=by_key[(h.micro_grid_id, h.unit_number, h.room)], group=group)
             for h, groups in zip(created, tags, strict=True) for group in groups], batch_size=1000)
    return len(created)


def office_user():
    """Who the seeded records were entered by: the branch admin's login (or the first superuser)."""
    users = get_user_model().objects
    return users.filter(username="branch").first() or users.filter(is_superuser=True).order_by("pk").first()


@transaction.atomic
def run(rng, out, context):
    added = seed_households(rng)
    out(f"households: {Household.objects.count()} (+{added}), "
        f"{Household.objects.filter(tags__isnull=False).distinct().count()} in a special group")
