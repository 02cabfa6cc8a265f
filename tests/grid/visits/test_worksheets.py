"""Visit worksheets: the households due a visit in the worker's own micro-grids, on A4, phones masked."""

import pytest
from django.urls import reverse

from grid.models import GridNode, GridPost
from tests.factories import make_grid_worker, make_person, make_unit, make_unit_member, make_user
from tests.grid.factories import make_household, make_visit, queries_for


def sheet(client, code="NJ-03"):
    return client.get(reverse("field:visit_worksheet", args=[code])).content.decode()


def test_a_household_never_visited_is_due(client3):
    make_household(contact_name="从未走访")
    assert "从未走访" in sheet(client3)


def test_a_household_not_visited_for_the_stale_period_is_due(client3, worker3):
    make_visit(make_household(contact_name="久未走访"), worker3, days_ago=31)
    assert "久未走访" in sheet(client3)


def test_a_household_visited_recently_is_not_due(client3, worker3):
    make_visit(make_household(contact_name="刚走访过"), worker3, days_ago=3)
    assert "刚走访过" not in sheet(client3)


def test_the_stale_period_is_the_portals_setting(client3, worker3, settings):
    settings.NANJIE_VISIT_STALE_DAYS = 2
    make_visit(make_household(contact_name="三天前走访"), worker3, days_ago=3)
    assert "三天前走访" in sheet(client3)


def test_each_micro_grid_is_its_own_sheet(client3):
    make_household("NJ-03-01")
    make_household("NJ-03-02")
    assert sheet(client3).count('<article class="worksheet">') == 2


def test_the_sheet_has_blank_lines_for_walk_look_ask_listen(client3):
    make_household()
    page = sheet(client3)
    assert [word for word in ("走", "看", "问", "听") if f"<dt>{word}</dt><dd></dd>" not in page] == []


def test_the_sheet_is_chinese_whatever_the_workers_language(client3):
    make_household()
    client3.cookies["django_language"] = "en"
    assert "走访工作单" in sheet(client3)


def test_the_phone_is_masked_on_paper(client3):
    make_household(contact_phone="13812345678")
    page = sheet(client3)
    assert "138****5678" in page
    assert "13812345678" not in page


def test_the_address_and_contact_are_what_the_household_page_shows(client3):
    make_household(compound="栋川花园", building="2", unit_number="1", room="301", contact_name="王桂兰")
    assert "栋川花园2幢1单元301室 · 王桂兰" in sheet(client3)


def test_the_special_groups_are_printed(client3):
    make_household(groups=["elderly_alone"])
    assert "空巢老人" in sheet(client3)


def test_a_worker_sees_only_the_micro_grids_they_cover(client, tree):
    person = make_person()
    post = GridPost.objects.create(node=GridNode.objects.get(code="NJ-03"), person=person,
                                   role=GridPost.Role.MICRO_WORKER)
    post.micro_grids.set([GridNode.objects.get(code="NJ-03-01")])
    from nanjie.roles import GRID_WORKER

    client.force_login(make_user(roles=[GRID_WORKER], person=person))
    make_household("NJ-03-01", contact_name="我的微网格")
    make_household("NJ-03-02", contact_name="别人的微网格")
    page = sheet(client)
    assert "我的微网格" in page
    assert "别人的微网格" not in page


def test_the_grid_leader_prints_every_micro_grid_of_the_grid(client, tree):
    client.force_login(make_grid_worker("NJ-03", "leader3", role=GridPost.Role.LEADER))
    make_household("NJ-03-01", contact_name="一号微网格")
    make_household("NJ-03-02", contact_name="二号微网格")
    page = sheet(client)
    assert "一号微网格" in page
    assert "二号微网格" in page


def test_another_grids_sheet_is_a_404(client3, worker4):
    make_household("NJ-04-01")
    assert client3.get(reverse("field:visit_worksheet", args=["NJ-04"])).status_code == 404


def test_a_micro_grid_code_is_a_404(client3):
    assert client3.get(reverse("field:visit_worksheet", args=["NJ-03-01"])).status_code == 404


def test_a_code_that_does_not_exist_is_a_404(client3):
    assert client3.get(reverse("field:visit_worksheet", args=["NJ-99"])).status_code == 404


def test_a_unit_member_without_field_work_is_refused(client, tree):
    client.force_login(make_unit_member(make_unit()))
    assert client.get(reverse("field:visit_worksheet", args=["NJ-03"])).status_code == 403


def test_the_branch_admin_prints_any_grid(client, branch):
    client.force_login(branch)
    make_household("NJ-02-01", contact_name="二网格住户")
    assert "二网格住户" in sheet(client, "NJ-02")


def test_the_index_lists_the_workers_grid_with_the_households_due(client3):
    make_household("NJ-03-01")
    make_household("NJ-03-01")
    page = client3.get(reverse("field:visit_worksheets")).content.decode()
    assert "2 户待走访" in page
    assert reverse("field:visit_worksheet", args=["NJ-03"]) in page


def test_the_index_does_not_offer_another_grid(client3, worker4):
    page = client3.get(reverse("field:visit_worksheets")).content.decode()
    assert reverse("field:visit_worksheet", args=["NJ-04"]) not in page


def test_the_coverage_page_links_to_the_worksheets(client3):
    assert reverse("field:visit_worksheets") in client3.get(reverse("field:coverage")).content.decode()


def test_only_the_first_thousand_households_are_printed(client3, monkeypatch):
    from grid.visits import worksheets

    monkeypatch.setattr(worksheets, "CAP", 2)
    for _ in range(3):
        make_household()
    page = sheet(client3)
    assert page.count('class="worksheet-household"') == 2


@pytest.fixture(params=[1, 8])
def households(request, tree):
    for index in range(request.param):
        make_household("NJ-03-01" if index % 2 else "NJ-03-02", groups=["disabled"])
    return request.param


def test_the_sheet_takes_the_same_number_of_queries_at_any_size(client3, households):
    counts = queries_for(client3, reverse("field:visit_worksheet", args=["NJ-03"]))
    make_household("NJ-03-01", groups=["elderly_alone"])
    assert queries_for(client3, reverse("field:visit_worksheet", args=["NJ-03"])) == counts


def test_the_index_takes_the_same_number_of_queries_at_any_size(client3, households):
    counts = queries_for(client3, reverse("field:visit_worksheets"))
    make_household("NJ-03-02")
    assert queries_for(client3, reverse("field:visit_worksheets")) == counts
