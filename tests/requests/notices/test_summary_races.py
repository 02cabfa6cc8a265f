"""Eight branch admins at once on PostgreSQL (real threads): the notice ends with one summary, the one its last
audit row records, whatever order the database serialises them in."""

import pytest

from requests.models import Request
from tests.conftest import requires_postgres
from tests.factories import make_branch_admin
from tests.requests.lifecycle.test_races import _together
from tests.requests.staff_world import S, bring_to, fast_passwords, world  # noqa: F401 (fixture)

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ADMINS = 8


@pytest.fixture
def w():
    return world()


def test_of_eight_admins_publicising_at_once_one_wins_and_the_board_shows_its_summary(w):
    wish = bring_to(w, S.CLOSED)
    admins = [make_branch_admin() for _ in range(ADMINS)]
    calls = [lambda a=a, n=n: Request.objects.get(pk=wish.pk).publicise(f"第{n}种写法：已上门测量", by=a)
             for n, a in enumerate(admins)]
    won, refused = _together(calls)
    published = wish.transitions.filter(new_state=S.PUBLICISED)
    assert (len(won), len(refused), published.count()) == (1, ADMINS - 1, 1)
    assert Request.objects.get(pk=wish.pk).public_summary == published.get().note


def test_eight_revisions_at_once_each_audited_and_the_last_one_kept(w):
    wish = bring_to(w, S.PUBLICISED)
    admins = [make_branch_admin() for _ in range(ADMINS)]
    calls = [lambda a=a, n=n: Request.objects.get(pk=wish.pk).revise_summary(f"第{n}次修改：已上门测量", by=a)
             for n, a in enumerate(admins)]
    won, _refused = _together(calls)
    revisions = wish.transitions.filter(old_state=S.PUBLICISED, new_state=S.PUBLICISED).order_by("pk")
    assert (len(won), revisions.count()) == (ADMINS, ADMINS)
    assert Request.objects.get(pk=wish.pk).public_summary == revisions.last().note
