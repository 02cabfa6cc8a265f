""""Services in the next 7 days near me": found by the names residents know, nearest first, by service."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from grid.territory.models import GridNode
from tests.volunteers.factories import make_position, make_rule, make_station

pytestmark = pytest.mark.django_db
URL = "/volunteers/services/"


def weekly(position, title, kind="clinic", days=1, **fields):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return make_rule(position, title=title, kind=kind, weekday=day.weekday(), starts_on=timezone.localdate(),
                     **fields)


@pytest.fixture
def services(tree):
    GridNode.objects.filter(code="NJ-02-02").update(description="栋川花园3幢")
    weekly(make_station("NJ-01-01", name="南街小区红色驿站"), "免费测血压", slot_minutes=None)
    weekly(make_station("NJ-02-02", name="栋川花园红色驿站"), "社区义诊", days=2)
    weekly(make_position(name="司法行政服务站"), "律师坐班", kind="legal", days=3)


def titles(response):
    return [session.rule.title for _heading, sessions in response.context["groups"] for session in sessions]


def test_the_page_lists_the_weeks_sessions(client, services):
    assert sorted(titles(client.get(URL))) == ["免费测血压", "律师坐班", "社区义诊"]


def test_a_resident_finds_their_place_by_the_name_of_their_compound(client, services):
    response = client.get(URL, {"q": "栋川花园"})
    assert [node.code for node in response.context["places"]] == ["NJ-02-02"]


def test_near_their_micro_grid_their_stations_service_comes_first(client, services):
    assert titles(client.get(URL, {"near": "NJ-02-02"})) == ["社区义诊", "律师坐班", "免费测血压"]


def test_the_headings_say_how_near(client, services):
    headings = [heading for heading, _sessions in client.get(URL, {"near": "NJ-02-02"}).context["groups"]]
    assert headings == ["您住的地方", "党群服务中心", "社区其他地方"]


def test_a_service_kind_narrows_the_list(client, services):
    assert titles(client.get(URL, {"kind": "legal"})) == ["律师坐班"]


def test_free_slots_are_counted_and_walk_in_services_say_so(client, services):
    body = client.get(URL).content.decode()
    assert "还有3个空位" in body
    assert "无需预约" in body


def test_an_unknown_place_is_ignored_not_an_error(client, services):
    assert client.get(URL, {"near": "NJ-99-99"}).status_code == 200


def test_a_place_nobody_knows_says_so(client, services):
    assert "没有找到这个地方" in client.get(URL, {"q": "火星小区"}).content.decode()


def test_the_page_takes_the_same_number_of_queries_at_any_size(client, services, django_assert_num_queries):
    client.get(URL, {"near": "NJ-02-02"})
    with CaptureQueriesContext(connection) as small:
        client.get(URL, {"near": "NJ-02-02"})
    queries = len(small)
    for number in range(6):
        weekly(make_station(f"NJ-0{number % 2 + 1}-0{number // 3 + 1}", name=f"驿站{number}"), f"义诊{number}",
               days=number % 7)
    client.get(URL, {"near": "NJ-02-02"})
    with django_assert_num_queries(queries):
        client.get(URL, {"near": "NJ-02-02"})
