"""Reference parameters: `?visit=` and `?household=` prefill the recording form only with what the user may see.

A foreign visit or household in the query string is the same 404 as one that does not exist, on GET and on POST
(nothing saved, nothing of the foreign household shown); the worker's own household fills the form.
"""

import pytest
from django.urls import reverse

from grid.models import GridNode, Household, Visit
from requests.models import Request
from tests.security.html_forms import form_data
from tests.security.world import FOREIGN_NAME, FOREIGN_PHONE, FOREIGN_TEXT

RECORD = "requests:record"


def foreign(world, name):
    return {name: world.objects[name].pk}


@pytest.mark.parametrize("param", ["visit", "household"])
def test_a_foreign_reference_is_a_404_for_the_worker(world, db, param):
    response = world.client("worker").get(reverse(RECORD), foreign(world, param))
    assert response.status_code == 404


@pytest.mark.parametrize("param", ["visit", "household"])
def test_a_foreign_reference_shows_nothing_of_the_foreign_household(world, db, param):
    page = world.client("worker").get(reverse(RECORD), foreign(world, param)).content.decode()
    assert [marker for marker in (FOREIGN_NAME, FOREIGN_PHONE, FOREIGN_TEXT) if marker in page] == []


def post_record(world, query):
    """A complete recording form (so only the reference can make it fail), sent with `query`."""
    category = world.objects["request"].category
    own = GridNode.objects.get(code="NJ-01-01")
    key = form_data(world.client("worker").get(reverse(RECORD)).content.decode())["idempotency_key"]
    world.client("worker").post(f"{reverse(RECORD)}?{query}", {
        "category": category.pk, "text": "借外网格的名义", "micro_grid": own.pk, "channel": "grid_visit",
        "resident_name": "李春华", "resident_phone": "13800001111", "idempotency_key": key})
    return Request.objects.filter(text="借外网格的名义").count()


@pytest.mark.parametrize("param", ["visit", "household"])
def test_a_post_with_a_foreign_reference_saves_nothing(world, db, param):
    assert post_record(world, f"{param}={world.objects[param].pk}") == 0


def test_a_post_with_the_workers_own_household_saves_the_request(world, db):
    assert post_record(world, f"household={own_household().pk}") == 1


@pytest.mark.parametrize("param", ["visit", "household"])
def test_a_reference_that_is_not_a_number_is_a_404(world, db, param):
    assert world.client("worker").get(reverse(RECORD), {param: "1 OR 1=1"}).status_code == 404


def own_household():
    return Household.objects.create(micro_grid=GridNode.objects.get(code="NJ-01-01"), building="3", room="302",
                                    contact_name="王秀兰", contact_phone="13700002222")


def test_the_workers_own_household_fills_the_form(world, db):
    household = own_household()
    page = world.client("worker").get(reverse(RECORD), {"household": household.pk}).content.decode()
    assert 'value="王秀兰"' in page


def test_the_workers_own_visit_fills_the_wish_text(world, db):
    household = own_household()
    visit = Visit.objects.create(household=household, worker=world.users["worker"].person,
                                 recorded_by=world.users["worker"], visited_on=household.created_at.date(),
                                 opinions="想在小区装个晾衣架")
    page = world.client("worker").get(reverse(RECORD), {"visit": visit.pk}).content.decode()
    assert "想在小区装个晾衣架" in page


def test_the_chairman_who_serves_the_whole_community_may_record_for_the_foreign_household(world, db):
    response = world.client("chairman").get(reverse(RECORD), foreign(world, "household"))
    assert response.status_code == 200
