"""Write scope: a grid worker who posts another grid's micro-grid, household or worker into a form saves nothing.

Each form is first filled as the page renders it, with the worker's own grid (the positive control: exactly one
record is saved), then with the foreign grid's id in the same field (nothing is saved, the form says why). A form
that ignored its scope would pass the first half and fail the second; one that refused everything would fail the
first. The pages come from tests/security/world.py (our grid NJ-01, theirs NJ-02).
"""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from grid.households import excel
from grid.models import Dispute, GridNode, Household, ServiceRecord
from requests.models import Request
from tests.security.html_forms import form_data


def own_household():
    return Household.objects.create(micro_grid=GridNode.objects.get(code="NJ-01-01"), building="3", room="302",
                                    contact_name="王")


def post_form(client, url, **fields):
    """GET the page, keep what its forms carry (keys, CSRF-free test client), override `fields`, POST it back."""
    data = {name: value for name, value in form_data(client.get(url).content.decode()).items()
            if name not in ("csrfmiddlewaretoken", "language", "next")}
    return client.post(url, {**data, **fields})


def micro(code):
    return str(GridNode.objects.get(code=code).pk)


def category_pk(world):
    return str(world.objects["request"].category.pk)


HOUSEHOLD = {"building": "5", "room": "501", "people": "2", "contact_name": "赵"}
DISPUTE = {"kind": Dispute.Kind.NEIGHBOURS, "parties": "两户邻居", "summary": "楼上漏水"}
WISH = {"text": "楼道灯坏了", "resident_name": "李春华", "resident_phone": "13800001111"}


def new_household(world, code):
    post_form(world.client("worker"), reverse("field:household_new"), micro_grid=micro(code), **HOUSEHOLD)
    return Household.objects.filter(building="5", room="501", micro_grid__code=code).count()


def new_dispute(world, code):
    post_form(world.client("worker"), reverse("field:dispute_new"), micro_grid=micro(code), **DISPUTE)
    return Dispute.objects.filter(summary="楼上漏水", micro_grid__code=code).count()


def recorded_request(world, code):
    post_form(world.client("worker"), reverse("requests:record"), micro_grid=micro(code),
              category=category_pk(world), **WISH)
    return Request.objects.filter(text="楼道灯坏了", micro_grid__code=code).count()


CREATE = {"household": new_household, "dispute": new_dispute, "recorded request": recorded_request}


@pytest.mark.parametrize("save", CREATE.values(), ids=CREATE.keys())
def test_a_worker_saves_a_record_in_their_own_micro_grid(world, db, save):
    assert save(world, "NJ-01-02") == 1


@pytest.mark.parametrize("save", CREATE.values(), ids=CREATE.keys())
def test_a_worker_saves_nothing_in_another_grids_micro_grid(world, db, save):
    assert save(world, "NJ-02-02") == 0


def test_a_worker_cannot_move_their_household_into_another_grid(world, db):
    household = own_household()
    url = reverse("field:household_edit", kwargs={"pk": household.pk})
    post_form(world.client("worker"), url, micro_grid=micro("NJ-02-01"))
    household.refresh_from_db()
    assert household.micro_grid.code == "NJ-01-01"


def test_a_worker_moves_their_household_within_their_grid(world, db):
    household = own_household()
    url = reverse("field:household_edit", kwargs={"pk": household.pk})
    post_form(world.client("worker"), url, micro_grid=micro("NJ-01-02"))
    household.refresh_from_db()
    assert household.micro_grid.code == "NJ-01-02"


def service(world, helper):
    household = own_household()
    url = reverse("field:service_new", kwargs={"household_pk": household.pk})
    post_form(world.client("worker"), url, way="proxy", what="代办低保年审", helper=str(helper.pk))
    return ServiceRecord.objects.filter(household=household, helper=helper).count()


def test_a_worker_records_a_service_with_themselves_as_helper(world, db):
    assert service(world, world.users["worker"].person) == 1


def test_a_worker_cannot_name_another_grids_worker_as_the_helper(world, db):
    their_worker = world.objects["pair"].helper
    assert service(world, their_worker) == 0


def sheet(code):
    book = openpyxl.Workbook()
    book.active.append(excel.HEADERS)
    book.active.append([code, "", "7", "", "701", 1, "钱", "", "", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("households.xlsx", buffer.getvalue(), content_type=excel.XLSX)


@pytest.mark.parametrize(("code", "saved"), [("NJ-01-01", 1), ("NJ-02-01", 0)], ids=["own", "foreign"])
def test_an_imported_sheet_saves_rows_of_the_workers_grid_only(world, db, code, saved):
    world.client("worker").post(reverse("field:household_import"), {"file": sheet(code)})
    assert Household.objects.filter(building="7", room="701").count() == saved
