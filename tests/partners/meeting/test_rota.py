"""The on-duty chairman rota: at most one chairman a month, in the database and with a clear admin message."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from grid.models import Person
from partners.meeting.admin import DutyRotaForm
from partners.models import CommitteeMember, DutyRota
from tests.factories import make_person

MARCH = datetime.date(2026, 3, 1)


@pytest.fixture
def members(db):
    return [CommitteeMember.objects.create(person=make_person(political_status=Person.PoliticalStatus.PARTY_MEMBER))
            for _ in range(2)]


def test_the_database_refuses_a_second_chairman_for_a_month(members):
    DutyRota.objects.create(month=MARCH, member=members[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        DutyRota.objects.create(month=MARCH, member=members[1])


def test_any_day_names_its_month(members):
    assert DutyRota.objects.create(month=datetime.date(2026, 3, 17), member=members[0]).month == MARCH


def test_the_chairman_for_a_day_is_that_months_member(members):
    DutyRota.objects.create(month=MARCH, member=members[1])
    assert DutyRota.chairman_for(datetime.date(2026, 3, 31)) == members[1]


def test_the_admin_form_refuses_a_second_chairman_with_a_clear_message(members):
    DutyRota.objects.create(month=MARCH, member=members[0])
    with translation.override("en"):
        form = DutyRotaForm(data={"month": "2026-03-15", "member": members[1].pk})
        assert form.errors["month"] == ["This month already has an on-duty chairman."]


@pytest.mark.parametrize("name", ["unit", "category", "committeemember", "dutyrota", "unitmembership"])
def test_every_partner_roster_has_a_working_admin(admin_client, name):
    assert admin_client.get(f"/admin/partners/{name}/").status_code == 200


def test_the_admin_add_page_shows_the_one_chairman_a_month_message(admin_client, members):
    DutyRota.objects.create(month=MARCH, member=members[0])
    response = admin_client.post("/admin/partners/dutyrota/add/", {"month": "2026-03-20", "member": members[1].pk},
                                 headers={"accept-language": "en"})
    assert "This month already has an on-duty chairman." in response.content.decode()
    assert DutyRota.objects.count() == 1
