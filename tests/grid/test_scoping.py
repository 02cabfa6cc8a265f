"""A worker of grid 3 gets 404 on grid 4's records: by URL, by search, in exports and counts."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from grid.models import AssistancePair, Dispute, GridNode, ServiceRecord
from tests.grid.factories import make_household, make_visit


@pytest.fixture
def grid4(worker4):
    household = make_household("NJ-04-01", contact_name="孙四网格", building="9", room="909")
    visit = make_visit(household, worker4)
    pair = AssistancePair.objects.create(helper=worker4.person, helper_kind="staff", household=household)
    dispute = Dispute.objects.create(micro_grid=GridNode.objects.get(code="NJ-04-01"), kind="other", parties="甲、乙",
                                     summary="吵架", registered_by=worker4)
    ServiceRecord.objects.create(way="proxy", what="代缴医保", household=household, helper=worker4.person,
                                 recorded_by=worker4)
    return {"household": household, "visit": visit, "pair": pair, "dispute": dispute}


@pytest.mark.parametrize("name,key", [("field:household", "household"), ("field:visit", "visit"),
                                      ("field:pair", "pair"), ("field:dispute", "dispute"),
                                      ("field:visit_new", "household"), ("field:service_new", "household"),
                                      ("field:household_edit", "household")])
def test_grid_4_records_are_404_for_a_grid_3_worker(client3, grid4, name, key):
    assert client3.get(reverse(name, args=[grid4[key].pk])).status_code == 404


def test_a_grid_3_worker_cannot_log_a_visit_on_a_grid_4_household(client3, grid4):
    response = client3.post(reverse("field:visit_new", args=[grid4["household"].pk]), {"asked": "x"})
    assert response.status_code == 404


def test_search_does_not_find_grid_4_households(client3, grid4):
    page = client3.get(reverse("field:visit_start"), {"q": "孙四网格"}).content.decode()
    assert reverse("field:visit_new", args=[grid4["household"].pk]) not in page


def test_the_export_holds_only_the_workers_grid(client3, grid4, household):
    sheet = load_workbook(io.BytesIO(client3.get(reverse("field:household_export")).content)).active
    names = [row[6] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == [household.contact_name]


def test_counts_leave_grid_4_out(client3, grid4):
    page = client3.get(reverse("field:coverage")).content.decode()
    assert "0 / 0" in page


def test_lists_leave_grid_4_out(client3, grid4):
    pages = "".join(client3.get(reverse(name)).content.decode()
                    for name in ("field:pairs", "field:disputes", "field:services", "field:visits"))
    assert "孙四网格" not in pages
    assert "吵架" not in pages
    assert "代缴医保" not in pages


def test_the_branch_admin_sees_every_grid(client, branch, grid4):
    client.force_login(branch)
    assert client.get(reverse("field:household", args=[grid4["household"].pk])).status_code == 200


def test_a_unit_party_member_without_a_post_sees_no_household(client, grid4):
    from tests.factories import make_unit, make_unit_member

    client.force_login(make_unit_member(make_unit()))
    assert client.get(reverse("field:households")).status_code == 403
