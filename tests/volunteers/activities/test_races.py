"""The races, on PostgreSQL with real threads (one connection each): eight volunteers for the last place, eight
presses of the same volunteer, eight teams for one item, eight certificates at once."""


import pytest

from tests.conftest import requires_postgres
from tests.factories import make_branch_admin, make_tree
from tests.races import together
from tests.volunteers.activities.factories import make_activity, make_published_plan, make_team, make_volunteer
from volunteers.models import Certificate, SignUp, Team

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
RACERS = 8


@pytest.fixture
def last_place():
    """An activity of three places, two of them taken."""
    make_tree(grids=2, micro_per_grid=1)
    activity = make_activity(capacity=3)
    for _ in range(2):
        volunteer = make_volunteer()
        SignUp.sign_up(activity, volunteer.person, by=volunteer)
    return activity


def test_of_eight_volunteers_for_the_last_place_exactly_one_gets_it(last_place):
    volunteers = [make_volunteer() for _ in range(RACERS)]
    together([lambda v=v: SignUp.sign_up(last_place, v.person, by=v) for v in volunteers])
    racers = SignUp.objects.filter(person__in=[v.person for v in volunteers])
    assert (racers.filter(state="active").count(), racers.filter(state="waiting").count()) == (1, RACERS - 1)


def test_the_places_never_exceed_the_capacity(last_place):
    volunteers = [make_volunteer() for _ in range(RACERS)]
    together([lambda v=v: SignUp.sign_up(last_place, v.person, by=v) for v in volunteers])
    assert SignUp.objects.filter(activity=last_place, state="active").count() == 3


def test_eight_presses_of_one_volunteer_make_one_sign_up(last_place):
    volunteer = make_volunteer()
    _won, refused = together([lambda: SignUp.sign_up(last_place, volunteer.person, by=volunteer)] * RACERS)
    assert (SignUp.objects.filter(person=volunteer.person).count(), set(refused)) == (1, {"already_signed_up"})


def test_of_eight_teams_claiming_one_item_exactly_one_wins():
    make_tree(grids=2, micro_per_grid=1)
    branch = make_branch_admin()
    _plan, item = make_published_plan(branch)
    teams = [make_team(colour) for colour in Team.Colour.values] + [Team.objects.create(colour="", name="第八队")]
    won, refused = together([lambda t=t: item.claim(t, by=branch) for t in teams])
    assert (len(won), refused.count("taken")) == (1, RACERS - 1)


def test_eight_certificates_issued_at_once_have_eight_numbers():
    make_tree(grids=2, micro_per_grid=1)
    volunteer = make_volunteer()
    activity = make_activity(organiser=volunteer.person)
    signup = SignUp.sign_up(activity, volunteer.person, by=volunteer)
    signup.enter_late(60, "补录", by=volunteer, now=activity.ends)
    signup.approve_late(by=make_branch_admin(), now=activity.ends)
    together([lambda: Certificate.issue(volunteer.person, by=volunteer)] * RACERS)
    assert sorted(Certificate.objects.values_list("serial", flat=True)) == list(range(1, RACERS + 1))
