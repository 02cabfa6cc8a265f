"""Many communities in one deployment: /c/<code>/… serves the community whose total grid has that code; the
addresses without the prefix serve the default one (settings.COMMUNITY_CODE), as printed on posters."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from grid.territory.models import GridNode
from nanjie.community import current_code, serving
from partners.models import CommitteeMember, DutyRota, Unit
from requests.models import Request
from tests.factories import make_person, make_tree, make_unit
from tests.requests.public_helpers import community, order, publicise, wish_post
from volunteers.activities.models import ActivityDay
from volunteers.models import Team

pytestmark = pytest.mark.django_db
OTHER = "C0102"


@pytest.fixture
def two(settings):
    """Nanjie (NJ, the default) and a second community (C0102) side by side, each two grids of two micro-grids."""
    settings.COMMUNITY_CODE = "NJ"
    category, unit = community()
    make_tree(grids=2, micro_per_grid=2, prefix=OTHER)
    return category, unit


def test_a_wish_under_the_prefix_goes_into_that_community(client, two):
    response = client.post(f"/c/{OTHER}/wish/", wish_post(two[0], code=f"{OTHER}-01-01"))
    wish = Request.objects.get()
    assert response["Location"] == f"/c/{OTHER}/track/{wish.token}/?new=1"
    assert wish.micro_grid.code == f"{OTHER}-01-01"


def test_a_wish_under_the_prefix_cannot_name_another_communitys_micro_grid(client, two):
    client.post(f"/c/{OTHER}/wish/", wish_post(two[0], code="NJ-01-01"))
    assert not Request.objects.exists()


def test_the_reference_starts_with_the_community_code(client, two):
    client.post(f"/c/{OTHER}/wish/", wish_post(two[0], code=f"{OTHER}-01-01"))
    assert Request.objects.get().reference.startswith(f"{OTHER}-")


def test_the_default_wish_address_still_serves_the_default_community(client, two):
    client.post("/wish/", wish_post(two[0]))
    assert Request.objects.get().reference.startswith("NJ-")


def test_each_board_shows_only_its_own_communitys_notices(client, two):
    publicise(order(two[0], code="NJ-01-01"), two[1], summary="南街的灯修好了")
    publicise(order(two[0], code=f"{OTHER}-01-01"), two[1], summary="另一个社区的灯修好了")
    other = client.get(f"/c/{OTHER}/board/").content.decode()
    default = client.get("/board/").content.decode()
    assert ("另一个社区的灯修好了" in other, "南街的灯修好了" in other) == (True, False)
    assert ("南街的灯修好了" in default, "另一个社区的灯修好了" in default) == (True, False)


def test_an_unknown_community_code_is_a_404(client, two):
    assert client.get("/c/ZZ99/wish/").status_code == 404


def test_a_code_that_is_not_a_total_grid_is_a_404(client, two):
    assert client.get(f"/c/{OTHER}-01/wish/").status_code == 404


def test_links_on_a_prefixed_page_stay_under_the_prefix(client, two):
    links = set(re.findall(r'(?:href|action)="(/[^"]*)"', client.get(f"/c/{OTHER}/wish/").content.decode()))
    assert {link for link in links if not link.startswith(("/c/", "/static/"))} == set()


def test_the_brand_links_to_the_communitys_home(client, two):
    assert f'class="brand" href="/c/{OTHER}/"' in client.get(f"/c/{OTHER}/board/").content.decode()


def test_reverse_is_unprefixed_again_after_a_prefixed_request(client, two):
    client.get(f"/c/{OTHER}/board/")
    assert (reverse("requests:board"), current_code()) == ("/board/", "NJ")


def test_the_default_addresses_are_unchanged(client, two):
    assert [client.get(path).status_code for path in ("/wish/", "/board/", "/track/")] == [200, 200, 200]


def test_the_community_root_follows_the_community_served(two):
    with serving(OTHER):
        assert GridNode.objects.community_root().code == OTHER
    assert GridNode.objects.community_root().code == "NJ"


def test_of_community_holds_only_the_served_communitys_nodes(two):
    with serving(OTHER):
        codes = set(GridNode.objects.of_community().values_list("code", flat=True))
    assert all(code.startswith(OTHER) for code in codes)


# --- rosters per community: units, the joint meeting and its rota, teams, activity-day plans ----------------------

MARCH = datetime.date(2026, 3, 1)


def seat(code):
    with serving(code):
        return CommitteeMember.objects.create(person=make_person())


def test_a_unit_made_for_one_community_is_not_listed_in_another(two):
    with serving(OTHER):
        make_unit(name="另一个社区的卫生院")
    assert not Unit.objects.filter(name="另一个社区的卫生院").exists()


def test_two_communities_may_each_have_a_unit_of_the_same_name(two):
    with serving(OTHER):
        make_unit(name="县人民医院")
    assert Unit._base_manager.filter(name="县人民医院").count() == 2


def test_a_unit_name_twice_in_one_community_is_refused_on_the_name(two):
    with pytest.raises(ValidationError) as refused:
        Unit(name="县人民医院", kind=Unit.Kind.CO_BUILDING).full_clean()
    assert "name" in refused.value.message_dict


def test_each_community_has_its_own_chairman_for_the_month(two):
    nanjie, other = seat("NJ"), seat(OTHER)
    DutyRota.objects.create(month=MARCH, member=nanjie)
    with serving(OTHER):
        DutyRota.objects.create(month=MARCH, member=other)
        assert DutyRota.chairman_for(MARCH) == other
    assert DutyRota.chairman_for(MARCH) == nanjie


def test_a_second_chairman_for_a_month_in_one_community_is_refused(two):
    DutyRota.objects.create(month=MARCH, member=seat("NJ"))
    with pytest.raises(IntegrityError), transaction.atomic():
        DutyRota.objects.create(month=MARCH, member=seat("NJ"))


def test_the_joint_meeting_counts_only_its_own_committee_members(two):
    seat("NJ"), seat(OTHER), seat(OTHER)
    with serving(OTHER):
        assert CommitteeMember.objects.count() == 2


def test_each_community_may_have_its_own_red_team(two):
    Team.objects.create(colour=Team.Colour.RED, name="红色先锋队")
    with serving(OTHER):
        Team.objects.create(colour=Team.Colour.RED, name="红色先锋队")
        assert Team.objects.count() == 1


def test_each_community_drafts_its_own_plan_for_the_month(two):
    nanjie = ActivityDay.for_month(MARCH)
    with serving(OTHER):
        other = ActivityDay.for_month(MARCH)
    assert nanjie.pk != other.pk
    assert ActivityDay.for_month(MARCH) == nanjie


def test_the_rota_page_under_a_prefix_shows_that_communitys_units(client, two):
    with serving(OTHER):
        make_unit(name="另一个社区的卫生院")
    assert "另一个社区的卫生院" in client.get(f"/c/{OTHER}/partners/units/").content.decode()
    assert "另一个社区的卫生院" not in client.get("/partners/units/").content.decode()
