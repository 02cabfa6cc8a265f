"""On the seeded community, no Open311 answer holds a resident's or staff member's name, a phone, or a house number.

Every answer is scanned: the service list, the whole year of requests in 90-day windows and every request by its
id, in both formats; and every text value passes nanjie.personal_data.find with the names the portal knows.
"""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone

from grid.models import AssistancePair, Household, Person, ServiceRecord
from nanjie import personal_data
from nanjie.masking import PHONE
from requests.models import Request
from tests.requests.open311.helpers import rows, url


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The seeded community and every answer about it: {url: response}; rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed", stdout=io.StringIO())
        client = Client()
        answers = {}
        for fmt in ("json", "xml"):
            answers[url("services", fmt)] = client.get(url("services", fmt))
            end = timezone.now() + datetime.timedelta(days=1)
            while end > timezone.now() - datetime.timedelta(days=400):
                query = {"start_date": (end - datetime.timedelta(days=90)).isoformat(), "end_date": end.isoformat()}
                answers[f"{url('requests', fmt)}?{query}"] = client.get(url("requests", fmt), query)
                end -= datetime.timedelta(days=90)
            for reference in Request.objects.values_list("reference", flat=True):
                address = url("request", fmt, service_request_id=reference)
                answers[address] = client.get(address)
        known = {
            "names": (set(Household.objects.values_list("contact_name", flat=True))
                      | set(Request.objects.exclude(resident_name="").values_list("resident_name", flat=True))
                      | set(Person.objects.values_list("name", flat=True))
                      | set(AssistancePair.objects.exclude(member_name="").values_list("member_name", flat=True))
                      | set(ServiceRecord.objects.exclude(person_name="").values_list("person_name", flat=True))),
            "phones": (set(Household.objects.exclude(contact_phone="").values_list("contact_phone", flat=True))
                       | set(Request.objects.exclude(resident_phone="").values_list("resident_phone", flat=True))
                       | set(Person.objects.exclude(phone="").values_list("phone", flat=True))),
            "addresses": {household.address for household in Household.objects.all()},
            "requests": Request.objects.count(),
            "publicised": Request.objects.filter(state=Request.State.PUBLICISED).count(),
        }
        yield answers, known
        transaction.set_rollback(True)


def bodies(seeded):
    answers, _known = seeded
    return {address: response.content.decode("utf-8") for address, response in answers.items()}


def values(seeded):
    answers, _known = seeded
    for address, response in answers.items():
        for row in rows(response, "json" if ".json" in address else "xml"):
            yield from (value for value in row.values() if isinstance(value, str))


def test_every_answer_was_a_200(seeded, db):
    answers, _known = seeded
    assert {response.status_code for response in answers.values()} == {200}


def test_the_scan_saw_every_request_and_publicised_texts(seeded, db):
    """Positive control: the windows cover every seeded request, and some answers do carry public summaries."""
    answers, known = seeded
    listed = {row["service_request_id"] for address, response in answers.items() if "requests.json?" in address
              for row in json.loads(response.content)}
    described = [row for address, response in answers.items() if "requests.json?" in address
                 for row in json.loads(response.content) if row["description"]]
    assert (len(listed), len(described)) == (known["requests"], known["publicised"])


def test_no_answer_holds_a_phone_number(seeded, db):
    assert [address for address, body in bodies(seeded).items() if PHONE.search(body)] == []


def test_no_answer_holds_a_known_phone_in_any_spelling(seeded, db):
    phones = {phone[-8:] for phone in seeded[1]["phones"]}
    assert [address for address, body in bodies(seeded).items() if any(phone in body for phone in phones)] == []


def test_no_answer_names_a_resident_or_a_staff_member(seeded, db):
    names = {name for name in seeded[1]["names"] if len(name) >= 2}
    assert sorted({name for body in bodies(seeded).values() for name in names if name in body}) == []


def test_no_answer_holds_a_households_address(seeded, db):
    addresses = {address for address in seeded[1]["addresses"] if address}
    assert [address for body in bodies(seeded).values() for address in addresses if address in body] == []


def test_no_text_value_holds_personal_data_of_any_kind(seeded, db):
    names = seeded[1]["names"]
    found = {value: personal_data.find(value, names) for value in set(values(seeded))}
    assert {value: passages for value, passages in found.items() if passages} == {}
