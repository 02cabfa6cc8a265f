"""Seed the "1+1+N" staffing of every grid and the demo logins; `person` and `login_for` serve every app's seed.

Deterministic and idempotent: every object is looked up by a natural key before it is created.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from grid.people.models import GridPost, Person
from grid.territory.models import GridNode
from nanjie.roles import BRANCH_ADMIN, GRID_WORKER, ensure_groups
from nanjie.seeding import fictional_phone


def person(book, rng, *, party=False, notes=""):
    name = book.next()
    status = Person.PoliticalStatus.PARTY_MEMBER if party else rng.choice(
        [Person.PoliticalStatus.MASSES, Person.PoliticalStatus.MASSES, Person.PoliticalStatus.PARTY_MEMBER]
    )
    phone = fictional_phone(rng)
    found, _created = Person.objects.get_or_create(
        name=name, defaults={"phone": phone, "political_status": status, "notes": notes}
    )
    return found


def seed_staff(grids, book, rng):
    for grid in grids:
        if grid.posts.exists():
            continue
        micro_grids = list(grid.get_children())
        GridPost.objects.create(node=grid, role=GridPost.Role.LEADER, person=person(book, rng, party=True))
        GridPost.objects.create(node=grid, role=GridPost.Role.LAW_ENFORCEMENT, person=person(book, rng))
        # Each micro-grid worker covers two to four neighbouring micro-grids.
        start = 0
        while start < len(micro_grids):
            size = rng.choice((2, 3, 3, 4))
            post = GridPost.objects.create(node=grid, role=GridPost.Role.MICRO_WORKER, person=person(book, rng))
            post.micro_grids.set(micro_grids[start:start + size])
            start += size
        for _ in range(rng.choice((1, 2))):
            GridPost.objects.create(node=grid, role=GridPost.Role.VOLUNTEER, person=person(book, rng))


def login_for(username, person_obj, groups, *, password, staff=False, superuser=False):
    """A demo login tied to a roster person; the password is set only when the login is first created."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"is_staff": staff or superuser, "is_superuser": superuser}
    )
    if created:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    if person_obj is not None and not Person.objects.filter(user=user).exists():
        person_obj.user = user
        person_obj.save(update_fields=["user"])
    user.groups.add(*groups)
    return user


@transaction.atomic
def run(rng, out, context):
    groups = context["groups"] = ensure_groups()
    book = context["names"]
    seed_staff(list(GridNode.objects.filter(kind=GridNode.Kind.GRID).order_by("code")), book, rng)
    password = context["password"]
    leader3 = GridPost.objects.get(node__code="NJ-03", role=GridPost.Role.LEADER).person
    workers = GridPost.objects.filter(role=GridPost.Role.MICRO_WORKER).order_by("pk")
    worker3 = workers.filter(node__code="NJ-03").first().person
    worker4 = workers.filter(node__code="NJ-04").first().person
    login_for("leader03", leader3, [groups[GRID_WORKER]], password=password)
    login_for("worker03", worker3, [groups[GRID_WORKER]], password=password)
    login_for("worker04", worker4, [groups[GRID_WORKER]], password=password)
    admin_person = Person.objects.filter(notes="社区党总支").first()
    admin_person = admin_person or person(book, rng, party=True, notes="社区党总支")
    login_for("branch", admin_person, [groups[BRANCH_ADMIN]], password=password, staff=True)
    login_for("admin", None, [], password=password, superuser=True)
    context["logins"] += [
        ("leader03", "grid leader of grid 3"), ("worker03", "micro-grid worker, grid 3"),
        ("worker04", "micro-grid worker, grid 4"), ("branch", "branch admin (Django admin too)"),
        ("admin", "superuser"),
    ]
    out(f"people: {Person.objects.count()} people, {GridPost.objects.count()} posts")
