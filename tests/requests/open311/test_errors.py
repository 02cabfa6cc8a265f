"""Errors are the spec's error list (code, description) in the format asked for, with 400 or 404; never a 500."""

import pytest

from tests.requests.open311.helpers import SPEC_ERROR_FIELDS, parsed_xml, rows, url
from tests.requests.staff_world import S, bring_to

BAD_QUERIES = [
    {"start_date": "2026-01-01"},  # no time, no zone
    {"start_date": "2026-01-01T00:00:00"},  # no zone
    {"end_date": "2026-02-30T00:00:00Z"},
    {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"},  # 151 days
    {"start_date": "2026-03-01T00:00:00Z", "end_date": "2026-02-01T00:00:00Z"},  # backwards
    {"start_date": "0001-01-01T00:00:00+14:00"},  # before the year 1 in UTC
    {"end_date": "9999-12-31T23:59:59-12:00"},
    {"status": "pending"},
    {"service_code": "no-such-service"},
    {"page": "0"},
    {"service_request_id": ",".join(f"NJ-2026-{n:06d}" for n in range(1001))},
]


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("query", BAD_QUERIES, ids=lambda query: ",".join(query))
def test_a_bad_query_is_a_400_with_the_specs_error_list(client, w, fmt, query):
    response = client.get(url("requests", fmt), query)
    assert (response.status_code, [list(error) for error in rows(response, fmt)]) == (400, [SPEC_ERROR_FIELDS])


def test_the_errors_code_is_the_http_status(client, w):
    assert client.get(url("requests", "json"), {"status": "x"}).json()[0]["code"] == 400


def test_the_error_description_is_chinese(client, w):
    assert "90天" in client.get(url("requests", "json"), BAD_QUERIES[3]).json()[0]["description"]


def test_the_xml_error_list_is_errors_of_error(client, w):
    root, elements = parsed_xml(client.get(url("requests", "xml"), {"status": "x"}))
    assert (root, [tag for tag, _fields in elements]) == ("errors", ["error"])


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_request_is_a_404_with_the_error_list(client, w, fmt):
    response = client.get(url("request", fmt, service_request_id="NJ-2026-999999"))
    assert (response.status_code, rows(response, fmt)[0]["code"]) == (404, 404 if fmt == "json" else "404")


@pytest.mark.parametrize("name", ["services", "requests"])
def test_a_foreign_jurisdiction_is_a_404(client, w, name):
    assert client.get(url(name, "json"), {"jurisdiction_id": "sfgov.org"}).status_code == 404


@pytest.mark.parametrize("jurisdiction", ["NJ", "nj", "testserver", ""])
def test_our_own_jurisdiction_or_none_is_answered(client, w, jurisdiction):
    assert client.get(url("services", "json"), {"jurisdiction_id": jurisdiction}).status_code == 200


def test_the_public_host_name_is_our_jurisdiction(client, w, settings):
    settings.NANJIE_PUBLIC_URL = "https://www.grid.nanjie.example.cn"
    assert client.get(url("services", "json"), {"jurisdiction_id": "grid.nanjie.example.cn"}).status_code == 200


def test_a_control_character_in_an_echoed_code_still_makes_xml(client, w):
    response = client.get(url("requests", "xml"), {"service_code": "a\x01b"})
    assert (response.status_code, parsed_xml(response)[0]) == (400, "errors")


def test_an_unknown_format_is_not_found(client, w):
    assert client.get("/open311/v2/requests.csv").status_code == 404


def test_a_post_is_refused(client, w):
    assert client.post(url("requests", "json")).status_code == 405


def test_a_request_not_publicised_is_still_found_by_its_id(client, w):
    wish = bring_to(w, S.ORDERED)
    assert client.get(url("request", "xml", service_request_id=wish.reference)).status_code == 200
