"""A community served under /c/<code>/ is named on its pages by its own community node (with its town and county)
and shows its own office's contact, or none where the node leaves it blank: never the default community's
(settings.NANJIE_OFFICE_*). The default community's pages say what they said before."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from grid.territory.models import GridNode
from nanjie.community import Served, community_name, serving
from nanjie.paper import community_office
from tests.factories import make_branch_admin, make_node, make_tree
from tests.requests.public_helpers import community

pytestmark = pytest.mark.django_db
OTHER = "C0102"
PHONE = "0878-5888888"


@pytest.fixture
def two(settings):
    """Nanjie (NJ, the default, a bare tree) and 姚安县光禄镇旧城社区 (total grid C0102) with its office."""
    settings.COMMUNITY_CODE = "NJ"
    category, unit = community()
    county = make_node(code="YA", kind=GridNode.Kind.COUNTY, name="姚安县")
    town = make_node(code="YA-GL", kind=GridNode.Kind.TOWN, name="光禄镇", parent=county)
    node = make_node(code="YA-GL-JC", kind=GridNode.Kind.COMMUNITY, name="旧城社区", parent=town,
                     office_phone=PHONE, office_address="光禄镇旧城社区党群服务中心", office_hours="周一至周五")
    total = make_tree(grids=1, micro_per_grid=1, prefix=OTHER)
    total.move_to(node, "last-child")
    return node


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_other_communitys_home_names_it_with_its_town_and_county(client, two):
    html = page(client, f"/c/{OTHER}/")
    assert "姚安县光禄镇旧城社区" in html
    assert "旧城社区网格治理" in html
    assert "旧城社区党委 · 事事有回应" in html
    assert "南街" not in html


def test_the_other_communitys_home_shows_its_office_never_the_defaults(client, two):
    html = page(client, f"/c/{OTHER}/")
    assert PHONE in html and f'href="tel:{PHONE.replace("-", "")}"' in html
    assert "光禄镇旧城社区党群服务中心" in html
    assert settings.NANJIE_OFFICE_PHONE not in html and settings.NANJIE_MEETING_PHONE not in html
    assert settings.NANJIE_OFFICE_ADDRESS not in html


def test_a_blank_office_shows_no_phone_but_where_to_ask(client, two):
    GridNode.objects.filter(pk=two.pk).update(office_phone="", office_address="", office_hours="")
    html = page(client, f"/c/{OTHER}/")
    assert "请到所在社区居委会咨询" in html
    assert 'href="tel:' not in html
    assert settings.NANJIE_OFFICE_PHONE not in html and settings.NANJIE_MEETING_PHONE not in html


def test_the_other_communitys_board_and_feed_name_it(client, two):
    assert "旧城社区党委" in page(client, f"/c/{OTHER}/board/")
    feed = page(client, f"/c/{OTHER}/board/feed/")
    assert "旧城社区：微心愿办结公示" in feed and "南街" not in feed


def test_open311_names_the_served_community(client, two):
    response = client.get(f"/c/{OTHER}/open311/v2/services.json", {"jurisdiction_id": "elsewhere"})
    assert response.status_code == 404
    assert "本接口只服务旧城社区" in response.content.decode()


def test_the_default_pages_say_what_they_said(client, two):
    html = page(client, "/")
    assert "姚安县栋川镇南街社区" in html
    assert "南街社区网格治理" in html
    assert "南街社区党委 · 事事有回应，件件有着落" in html
    assert settings.NANJIE_OFFICE_PHONE in html and settings.NANJIE_MEETING_PHONE in html
    assert "旧城" not in html
    assert "南街社区：微心愿办结公示" in page(client, "/board/feed/")


def test_the_default_community_under_its_own_prefix_keeps_its_settings(client, two):
    html = page(client, "/c/NJ/")
    assert "姚安县栋川镇南街社区" in html and settings.NANJIE_OFFICE_PHONE in html


def test_a_total_grid_without_a_community_above_is_named_by_itself(client, two):
    make_tree(grids=1, micro_per_grid=1, prefix="C0103")
    html = page(client, "/c/C0103/")
    assert settings.NANJIE_OFFICE_PHONE not in html and "请到所在社区居委会咨询" in html


def test_the_names_cost_no_query_of_their_own(client, two):
    page(client, "/")
    page(client, f"/c/{OTHER}/")  # warm: caches of either community
    with CaptureQueriesContext(connection) as default:
        page(client, "/")
    with CaptureQueriesContext(connection) as other:
        page(client, f"/c/{OTHER}/")
    assert len(other) <= len(default) + 1


def test_outside_a_request_the_served_community_names_and_office_come_from_serving(two):
    with serving(OTHER, Served(name="旧城社区", full_name="姚安县光禄镇旧城社区", office_phone=PHONE)):
        assert community_name() == "旧城社区"
        assert community_office()["phone"] == PHONE
    with serving(OTHER):
        assert community_office()["phone"] == ""
    assert community_office()["phone"] == settings.NANJIE_OFFICE_PHONE


def test_the_office_is_edited_on_the_grid_node_form_in_the_admin(client, two):
    client.force_login(make_branch_admin())
    response = client.get("/admin/grid/gridnode/add/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="office_phone"' in html and 'name="meeting_phone"' in html and 'name="office_hours"' in html
