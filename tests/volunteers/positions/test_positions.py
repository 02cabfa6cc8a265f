"""The positions: where they stand, their public pages, the staff's scope, inspections and the /me/ flags."""

import datetime
import uuid

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from grid.territory.models import GridNode
from tests.factories import make_user
from tests.volunteers.factories import make_position, make_station
from volunteers.models import Amenity, DutyShift, Inspection, Position
from volunteers.positions.panels import stations_panel

pytestmark = pytest.mark.django_db


def test_a_red_station_must_stand_in_a_micro_grid(tree):
    with pytest.raises(ValidationError) as refused:
        make_position(kind=Position.Kind.RED_STATION, name="无处驿站")
    assert "micro_grid" in refused.value.message_dict


def test_a_position_that_closes_before_it_opens_is_refused(tree):
    with pytest.raises(ValidationError) as refused:
        make_position(opens_at=datetime.time(18), closes_at=datetime.time(8))
    assert "closes_at" in refused.value.message_dict


def test_a_position_belongs_to_the_portals_community_by_default(tree):
    assert make_position().community == GridNode.objects.community_root()


def test_the_public_list_shows_the_centre_and_the_stations(client, tree):
    make_position(name="社区警务站")
    make_station(name="栋川花园红色驿站")
    body = client.get(reverse("volunteers:positions")).content.decode()
    assert "社区警务站" in body
    assert "栋川花园红色驿站" in body


def test_a_closed_position_is_not_on_the_public_pages(client, tree):
    closed = make_position(name="旧阵地", active=False)
    assert client.get(reverse("volunteers:position", args=[closed.pk])).status_code == 404


def test_the_public_page_masks_who_is_on_duty(client, tree):
    from tests.factories import make_person

    position = make_position(name="司法行政服务站")
    DutyShift.objects.create(position=position, weekday=0, person=make_person(name="欧阳春华"), duty="值班律师")
    body = client.get(reverse("volunteers:position", args=[position.pk])).content.decode()
    assert "欧**" in body
    assert "欧阳春华" not in body


@pytest.mark.parametrize("url_name", ["volunteers:positions", "volunteers:position"])
def test_the_public_pages_take_the_same_number_of_queries_at_any_size(client, tree, url_name,
                                                                       django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = make_station(name="驿站甲")
    Amenity.objects.create(position=first, kind=Amenity.Kind.SEATS, quantity=6)
    url = reverse(url_name, args=[first.pk] if url_name == "volunteers:position" else None)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    queries = len(small)
    for number in range(5):
        station = make_station(name=f"驿站{number}")
        Amenity.objects.create(position=station, kind=Amenity.Kind.SEATS, quantity=6)
        Amenity.objects.create(position=first, kind=Amenity.Kind.OTHER, label=f"物品{number}")
    client.get(url)
    with django_assert_num_queries(queries):
        client.get(url)


# --- staff: scope, inspections -----------------------------------------------------------------------------

@pytest.fixture
def own(tree):
    return make_station("NJ-01-01", name="南街小区红色驿站")


@pytest.fixture
def foreign(tree):
    return make_station("NJ-02-01", name="文化路红色驿站")


def test_a_grid_worker_sees_their_grids_stations_only(client, own, foreign, worker):
    client.force_login(worker)
    body = client.get(reverse("volunteers:manage_positions")).content.decode()
    assert "南街小区红色驿站" in body
    assert "文化路红色驿站" not in body


def test_a_station_of_another_grid_is_a_404_for_a_worker(client, foreign, worker):
    client.force_login(worker)
    assert client.get(reverse("volunteers:manage_position", args=[foreign.pk])).status_code == 404


def inspect(client, station, **fields):
    return client.post(reverse("volunteers:inspect", args=[station.pk]), {
        "inspected_on": timezone.localdate().isoformat(), "checked": "座椅、饮水、急救箱", "missing": "",
        "token": str(uuid.uuid4()), **fields})


def test_a_worker_records_this_months_inspection(client, own, worker):
    client.force_login(worker)
    inspect(client, own)
    assert Inspection.objects.get().month == timezone.localdate().replace(day=1)


def test_a_second_inspection_in_the_same_month_is_refused_with_a_message(client, own, worker):
    client.force_login(worker)
    inspect(client, own)
    response = inspect(client, own)
    assert (response.status_code, Inspection.objects.count()) == (400, 1)
    assert "本月已经巡查过了" in response.content.decode()


def test_an_inspection_in_the_future_is_refused(client, own, worker):
    client.force_login(worker)
    response = inspect(client, own, inspected_on=(timezone.localdate() + datetime.timedelta(days=3)).isoformat())
    assert (response.status_code, Inspection.objects.count()) == (400, 0)


def test_an_inspection_of_another_grids_station_is_a_404(client, foreign, worker):
    client.force_login(worker)
    assert inspect(client, foreign).status_code == 404


def test_someone_who_may_only_look_cannot_inspect(client, own):
    looker = make_user("looker")
    looker.user_permissions.add(Permission.objects.get(codename="view_all_grids"),
                                Permission.objects.get(codename="view_position"))
    client.force_login(looker)
    assert inspect(client, own).status_code == 403


def test_what_was_missing_is_marked_fixed_once(client, own, worker):
    inspection = Inspection.record(own, by=worker, inspected_on=timezone.localdate(), checked="座椅",
                                   missing="雨伞少了3把")
    client.force_login(worker)
    url = reverse("volunteers:inspection_fixed", args=[inspection.pk])
    client.post(url, {"fixed_on": timezone.localdate().isoformat(), "fixed_note": "已补齐"})
    response = client.post(url, {"fixed_on": timezone.localdate().isoformat()}, follow=True)
    inspection.refresh_from_db()
    assert (inspection.fixed_on, "已经标记为整改完成" in response.content.decode()) == (timezone.localdate(), True)


def test_marking_fixed_keeps_an_audit_row(own, worker):
    inspection = Inspection.record(own, by=worker, inspected_on=timezone.localdate(), checked="座椅",
                                   missing="雨伞少了3把")
    inspection.mark_fixed(by=worker)
    assert inspection.history.first().history_user == worker


def test_a_get_on_mark_fixed_is_405(client, own, worker):
    inspection = Inspection.record(own, by=worker, inspected_on=timezone.localdate(), checked="座椅", missing="x")
    client.force_login(worker)
    assert client.get(reverse("volunteers:inspection_fixed", args=[inspection.pk])).status_code == 405


# --- the /me/ flags ----------------------------------------------------------------------------------------

class Request:
    def __init__(self, user):
        self.user = user


def test_an_expired_first_aid_kit_is_flagged_on_the_branchs_home(own, branch):
    Inspection.record(own, by=branch, inspected_on=timezone.localdate(), checked="急救箱")
    Amenity.objects.create(position=own, kind=Amenity.Kind.FIRST_AID_KIT,
                           expires_on=timezone.localdate() - datetime.timedelta(days=1))
    assert [(station, station.kit_expired) for station in stations_panel(Request(branch))["stations"]] == [
        (own, True)]


def test_a_station_not_inspected_this_month_is_flagged(own, branch):
    assert [station.inspected for station in stations_panel(Request(branch))["stations"]] == [False]


def test_a_station_in_order_is_not_flagged(own, branch):
    Inspection.record(own, by=branch, inspected_on=timezone.localdate(), checked="座椅")
    assert stations_panel(Request(branch)) is None


def test_the_me_page_shows_the_flag(client, own, branch):
    client.force_login(branch)
    assert "南街小区红色驿站" in client.get(reverse("me")).content.decode()
