"""The statistics pages: public counts only, the branch's ranking and report, the CSV bundle, bad periods."""

import csv
import io
import re
import zipfile

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.grid.factories import queries_for
from tests.requests.staff_world import fast_passwords  # noqa: F401 (fixture)
from tests.requests.statistics.numbers_world import numbers_world

pytestmark = pytest.mark.django_db
OCTOBER_QUERY = {"start": "2026-10-01", "end": "2026-10-31"}
PHONE = re.compile(r"1[3-9]\d{9}")
# What numbers_world holds that is personal: the residents' names and phone (staff_world.order), the household
# contact, the rooms and buildings (make_household: 南街小区3幢1单元1xx室), the dispute's parties.
PERSONAL = ("张三丰", "13812345678", "张秀英", "单元", "室", "王某")


@pytest.fixture
def w():
    cache.clear()
    return numbers_world()


def text_of(response):
    return response.content.decode()


def bundle(client, query=OCTOBER_QUERY):
    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("requests:stats_bundle"), query).content))
    return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


@pytest.mark.parametrize("name", ["requests:stats", "requests:rates"])
def test_a_public_page_shows_no_name_phone_or_house_number(w, client, name):
    page = text_of(client.get(reverse(name), OCTOBER_QUERY))
    assert [word for word in PERSONAL if word in page] == []
    assert not PHONE.search(page)


def test_the_rates_page_shows_numerator_denominator_and_too_small(w, client):
    page = text_of(client.get(reverse("requests:rates"), OCTOBER_QUERY))
    assert "(1 / 3)" in page
    assert "样本太少" in page


def test_the_rates_page_writes_the_definitions(w, client):
    page = text_of(client.get(reverse("requests:rates"), OCTOBER_QUERY))
    assert "响应率" in page
    assert "调休上班日计入" in page


def test_the_bundle_holds_the_board_and_the_rates_with_a_bom(w, client):
    tables = bundle(client)
    assert sorted(tables) == ["board.csv", "rates.csv"]
    assert all(t.startswith("\ufeff") for t in tables.values())


def test_the_bundles_rates_give_the_hand_counted_october(w, client):
    rows = list(csv.reader(io.StringIO(bundle(client)["rates.csv"].lstrip("\ufeff"))))
    community = rows[1]
    assert community[5:11] == ["样本太少", "2", "3", "样本太少", "1", "3"]


def test_the_bundle_shows_no_name_phone_or_house_number(w, client):
    text = "".join(bundle(client).values())
    assert [word for word in PERSONAL if word in text] == []
    assert not PHONE.search(text)


def test_the_unit_ranking_is_the_branchs(w, client):
    client.force_login(w.worker1)
    assert client.get(reverse("requests:rates_units")).status_code == 403


def test_the_unit_ranking_names_units_never_a_member_or_a_phone(w, client):
    client.force_login(w.branch)
    page = text_of(client.get(reverse("requests:rates_units"), OCTOBER_QUERY))
    assert "县人民医院" in page
    assert not PHONE.search(page)


def test_the_monthly_report_is_in_chinese_for_an_english_reader(w, client):
    client.force_login(w.branch)
    client.cookies["django_language"] = "en"
    page = text_of(client.get(reverse("requests:monthly_report", args=[2026, 10])))
    assert "月度工作报告" in page
    assert "一、本月数据" in page


def test_the_monthly_report_prints_on_a4_with_its_own_stylesheet(w, client):
    from pathlib import Path

    from django.conf import settings as django_settings

    client.force_login(w.branch)
    page = text_of(client.get(reverse("requests:monthly_report", args=[2026, 10])))
    css = (Path(django_settings.BASE_DIR) / "static/css/requests-statistics.css").read_text()
    assert "requests-statistics" in page
    assert "size: A4" in css


def test_the_monthly_report_lists_the_overdue_request(w, client):
    client.force_login(w.branch)
    page = text_of(client.get(reverse("requests:monthly_report", args=[2026, 10])))
    assert w.requests.b.reference in page


def test_the_monthly_report_refuses_a_month_that_does_not_exist(w, client):
    client.force_login(w.branch)
    assert client.get("/stats/report/2026-13/").status_code == 404


def test_a_reversed_range_is_refused_with_a_message(w, client):
    page = text_of(client.get(reverse("requests:stats"), {"start": "2026-10-31", "end": "2026-10-01"}))
    assert "最后一天不能早于第一天" in page


def test_the_charts_are_inline_svg_without_script_or_style(w, client):
    page = text_of(client.get(reverse("requests:stats"), OCTOBER_QUERY))
    svgs = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(svgs) == 3
    assert not any("<script" in svg or "style=" in svg or "<style" in svg for svg in svgs)


def test_the_chart_stylesheet_is_the_one_pygal_makes():
    from pathlib import Path

    from django.conf import settings as django_settings

    from requests.statistics.charts import chart_css

    assert (Path(django_settings.BASE_DIR) / "static/css/requests-charts.css").read_text() == chart_css()


def test_the_stats_page_costs_the_same_queries_with_more_records(w, client):
    client.force_login(w.branch)
    queries_for(client, reverse("requests:stats"), OCTOBER_QUERY)  # warms the roster cache and the session
    before = queries_for(client, reverse("requests:stats"), OCTOBER_QUERY)
    numbers_world_more(w)
    assert queries_for(client, reverse("requests:stats"), OCTOBER_QUERY) == before


def test_the_drill_down_costs_the_same_queries_with_more_records(w, client):
    client.force_login(w.branch)
    url = reverse("requests:figure", args=["requests.fulfilled"])
    queries_for(client, url, OCTOBER_QUERY)
    before = queries_for(client, url, OCTOBER_QUERY)
    numbers_world_more(w)
    assert queries_for(client, url, OCTOBER_QUERY) == before


@pytest.mark.parametrize("name, args", [("requests:rates", []), ("requests:rates_units", []),
                                        ("requests:monthly_report", [2026, 10])])
def test_the_rates_pages_and_the_report_cost_the_same_queries_with_more_records(w, client, name, args):
    client.force_login(w.branch)
    url = reverse(name, args=args)
    queries_for(client, url, OCTOBER_QUERY)
    cache.clear()
    before = queries_for(client, url, OCTOBER_QUERY)
    numbers_world_more(w)
    cache.clear()
    assert queries_for(client, url, OCTOBER_QUERY) == before


def numbers_world_more(w):
    from tests.requests.statistics.numbers_world import field_work, requests

    requests(w)
    field_work(w)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["month", "start", "end", "grid", "page"]),
                       st.text(max_size=12), max_size=4))
def test_any_query_string_gets_a_page_not_a_500(client, query):
    # 200 with the form's message, or the portal's 400 for a NUL character (nanjie middleware); never a 500.
    for name in ("requests:stats", "requests:rates", "requests:stats_bundle"):
        assert client.get(reverse(name), query).status_code in (200, 400)
