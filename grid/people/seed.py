"""Seed Nanjie community's territory and grid staffing: 1 total grid → 27 grids → 247 micro-grids, 1+1+N.

Deterministic and idempotent: every object is looked up by a natural key before it is created.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from grid.models import GridNode, GridPost, Person

GRIDS = 27
MICRO_GRIDS = 247
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
    "余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = "秀英华玉兰桂芳建国明亮志强伟丽娟敏静磊洋艳勇军杰涛超平刚霞红燕梅海云波辉鹏飞春晓东宁琴萍娜鑫斌浩宇"
COMPOUNDS = ["南街小区", "文化路小区", "栋川花园", "阳光新城", "龙华小区", "光禄苑", "金鼎小区", "锦绣家园", "北城印象",
             "荷花苑", "康乐小区", "和平小区", "东风小区", "教师小区", "民族小区"]


class NameBook:
    """Unique, plausible, fictional Chinese names drawn from a seeded generator."""

    def __init__(self, rng):
        self.rng = rng
        self.issued = set()

    def next(self):
        while True:
            name = self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2))))
            if name not in self.issued:
                self.issued.add(name)
                return name


def fictional_phone(rng):
    return rng.choice(("139", "138", "137", "158", "187", "188", "150", "151")) + "".join(
        str(rng.randrange(10)) for _ in range(8)
    )


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


def seed_tree(rng):
    total = node("NJ", kind=GridNode.Kind.TOTAL_GRID, name="南街社区总网格",
                 description="南街社区全域:27个网格、247个微网格。")
    grids = []
    for number, count in enumerate(micro_grid_counts(rng), start=1):
        compound = COMPOUNDS[(number - 1) % len(COMPOUNDS)]
        grid = node(f"NJ-{number:02d}", kind=GridNode.Kind.GRID, parent=total, name=f"第{number}网格",
                    description=f"南街居民{(number - 1) // 3 + 1}组、{compound}及周边。")
        grids.append(grid)
        for micro in range(1, count + 1):
            building = (micro - 1) % 12 + 1
            node(f"NJ-{number:02d}-{micro:02d}", kind=GridNode.Kind.MICRO_GRID, parent=grid,
                 name=f"第{number}网格第{micro}微网格",
                 description=f"{compound}{building}幢{'、' + str(building + 12) + '幢' if micro > 12 else ''}")
    return total, grids


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
    from grid.roles import BRANCH_ADMIN, GRID_WORKER, ensure_groups

    groups = ensure_groups()
    context["groups"] = groups
    book = context["names"]
    total, grids = seed_tree(rng)
    seed_staff(grids, book, rng)
    password = context["password"]
    logins = context["logins"]
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
    logins += [
        ("leader03", "grid leader of grid 3"), ("worker03", "micro-grid worker, grid 3"),
        ("worker04", "micro-grid worker, grid 4"), ("branch", "branch admin (Django admin too)"),
        ("admin", "superuser"),
    ]
    out(f"grid: {GridNode.objects.filter(tree_id=total.tree_id).count()} nodes, {GridPost.objects.count()} posts")
