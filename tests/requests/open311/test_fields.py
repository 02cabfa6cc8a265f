"""Every field of every answer is one the spec lists, in both formats, read by independent parsers."""

import datetime
import re

import pytest

from requests.models import Request
from tests.requests.open311.helpers import (
    SPEC_REQUEST_FIELDS,
    SPEC_SERVICE_FIELDS,
    get_rows,
    parsed_json,
    parsed_xml,
    url,
)
from tests.requests.staff_world import S, bring_to

W3C = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})")


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_service_has_exactly_the_specs_fields(client, w, fmt):
    services = get_rows(client, "services", fmt)
    assert [list(service) for service in services] == [SPEC_SERVICE_FIELDS]


def test_a_service_says_no_metadata_and_realtime(client, w):
    service = get_rows(client, "services", "json")[0]
    assert (service["service_code"], service["metadata"], service["type"]) == ("health", False, "realtime")


def test_the_xml_service_list_is_services_of_service(client, w):
    root, elements = parsed_xml(client.get(url("services", "xml")))
    assert (root, [tag for tag, _fields in elements]) == ("services", ["service"])


def test_a_booleans_xml_text_is_true_or_false(client, w):
    _root, elements = parsed_xml(client.get(url("services", "xml")))
    assert dict(elements[0][1])["metadata"] == "false"


def test_an_inactive_category_is_not_offered(client, w):
    w.category.active = False
    w.category.save(update_fields=["active"])
    assert get_rows(client, "services", "json") == []


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("name", ["requests", "request"])
def test_a_request_has_exactly_the_specs_fields(client, w, fmt, name):
    wish = bring_to(w, S.PUBLICISED)
    kwargs = {"service_request_id": wish.reference} if name == "request" else {}
    assert [list(row) for row in get_rows(client, name, fmt, **kwargs)] == [SPEC_REQUEST_FIELDS]


def test_the_xml_request_list_is_service_requests_of_request(client, w):
    bring_to(w, S.ORDERED)
    root, elements = parsed_xml(client.get(url("requests", "xml")))
    assert (root, [tag for tag, _fields in elements]) == ("service_requests", ["request"])


@pytest.mark.parametrize(("fmt", "content_type"), [("json", "application/json; charset=utf-8"),
                                                    ("xml", "text/xml; charset=utf-8")])
def test_the_content_type_is_the_specs(client, w, fmt, content_type):
    assert client.get(url("requests", fmt))["Content-Type"] == content_type


def test_the_xml_starts_with_the_declaration_naming_utf8(client, w):
    assert client.get(url("services", "xml")).content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')


def test_the_json_is_a_list_as_the_spark_convention_has_it(client, w):
    bring_to(w, S.ORDERED)
    assert isinstance(parsed_json(client.get(url("requests", "json"))), list)


@pytest.mark.parametrize(("state", "status"), [(S.ORDERED, "open"), (S.DISPATCHED, "open"), (S.ACCEPTED, "open"),
                                               (S.CLOSED, "closed"), (S.PUBLICISED, "closed"),
                                               (S.INVALID, "closed")])
def test_each_state_maps_to_open_or_closed(client, w, state, status):
    wish = bring_to(w, state)
    assert get_rows(client, "request", "json", service_request_id=wish.reference)[0]["status"] == status


def test_the_status_notes_tell_the_five_states_apart(client, each_state):
    notes = {row["service_request_id"]: row["status_notes"] for row in get_rows(client, "requests", "json")}
    assert len(set(notes.values())) == len(S.values)


def test_the_status_notes_are_chinese_whatever_the_visitors_language(client, each_state):
    row = get_rows(client, "request", "json", service_request_id=each_state[S.ORDERED].reference)[0]
    assert row["status_notes"].startswith("已点单")


def test_a_publicised_request_is_described_by_its_public_summary(client, w):
    wish = bring_to(w, S.PUBLICISED)
    assert get_rows(client, "request", "json", service_request_id=wish.reference)[0]["description"] == \
        "已安排医生上门测量血压"


@pytest.mark.parametrize("state", [S.ORDERED, S.DISPATCHED, S.ACCEPTED, S.CLOSED, S.INVALID])
def test_a_request_not_yet_publicised_has_no_text(client, w, state):
    wish = bring_to(w, state)
    row = get_rows(client, "request", "xml", service_request_id=wish.reference)[0]
    assert (row["description"], row["service_notice"]) == (None, None)


def test_a_summary_under_review_is_not_shown(client, w):
    wish = bring_to(w, S.PUBLICISED)
    Request.objects.filter(pk=wish.pk).update(summary_needs_review=True)
    description = get_rows(client, "request", "json", service_request_id=wish.reference)[0]["description"]
    assert "测量血压" not in description


def test_the_agency_responsible_is_the_unit(client, w):
    wish = bring_to(w, S.ACCEPTED)
    assert get_rows(client, "request", "json", service_request_id=wish.reference)[0]["agency_responsible"] == \
        "县人民医院"


def test_the_address_is_the_micro_grids_name_and_nothing_more_precise(client, w):
    wish = bring_to(w, S.ACCEPTED)
    row = get_rows(client, "request", "json", service_request_id=wish.reference)[0]
    assert (row["address"], row["address_id"], row["zipcode"], row["lat"], row["long"]) == \
        ("第1网格第1微网格", None, None, None, None)


@pytest.mark.parametrize("field", ["requested_datetime", "updated_datetime", "expected_datetime"])
def test_the_datetimes_are_w3c_with_a_zone(client, w, field):
    wish = bring_to(w, S.ACCEPTED)
    assert W3C.fullmatch(get_rows(client, "request", "json", service_request_id=wish.reference)[0][field])


def test_a_closed_requests_updated_datetime_is_when_it_was_closed(client, w):
    wish = bring_to(w, S.PUBLICISED)
    row = get_rows(client, "request", "json", service_request_id=wish.reference)[0]
    assert datetime.datetime.fromisoformat(row["updated_datetime"]) == wish.closed_at.replace(microsecond=0)


def test_an_open_request_is_expected_by_its_deadline(client, w):
    wish = bring_to(w, S.DISPATCHED)
    row = get_rows(client, "request", "json", service_request_id=wish.reference)[0]
    assert datetime.datetime.fromisoformat(row["expected_datetime"]) == wish.deadline.replace(microsecond=0)


def test_the_request_id_is_the_public_reference(client, w):
    wish = bring_to(w, S.ORDERED)
    assert get_rows(client, "requests", "json")[0]["service_request_id"] == wish.reference


# What the spec says each field may hold: options, W3C datetimes, free text without HTML, at most 4,000 characters.
REQUEST_RULES = {
    "status": lambda value: value in ("open", "closed"),
    "requested_datetime": lambda value: bool(W3C.fullmatch(value)),
    "updated_datetime": lambda value: bool(W3C.fullmatch(value)),
    "expected_datetime": lambda value: value is None or bool(W3C.fullmatch(value)),
    "description": lambda value: value is None or (len(value) <= 4000 and "<" not in value),
}
SERVICE_RULES = {"metadata": lambda value: value in (True, False, "true", "false"),
                 "type": lambda value: value in ("realtime", "batch", "blackbox")}


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_every_request_field_holds_what_the_spec_allows(client, each_state, fmt):
    broken = [(row["service_request_id"], name) for row in get_rows(client, "requests", fmt)
              for name, allowed in REQUEST_RULES.items() if not allowed(row[name] or None)]
    assert broken == []


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_every_service_field_holds_what_the_spec_allows(client, w, fmt):
    broken = [(row["service_code"], name) for row in get_rows(client, "services", fmt)
              for name, allowed in SERVICE_RULES.items() if not allowed(row[name])]
    assert broken == []
