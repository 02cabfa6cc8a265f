"""Reading Open311 answers with parsers that share nothing with the code that wrote them: json and xml.etree."""

import json
import xml.etree.ElementTree as ElementTree

from django.urls import reverse

# The spec's response field lists (GET Service List; GET Service Requests / GET Service Request), copied from
# /work/shared/reference/open311-georeport-v2.md, in its order.
SPEC_SERVICE_FIELDS = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]
SPEC_REQUEST_FIELDS = ["service_request_id", "status", "status_notes", "service_name", "service_code", "description",
                       "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
                       "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"]
SPEC_ERROR_FIELDS = ["code", "description"]


def url(name, fmt, **kwargs):
    return reverse(f"requests:open311_{name}", kwargs={"format": fmt, **kwargs})


def parsed_json(response):
    return json.loads(response.content.decode("utf-8"))


def parsed_xml(response):
    """(root tag, [(element tag, {field: text or None, ...})]) in document order."""
    root = ElementTree.fromstring(response.content)
    return root.tag, [(element.tag, [(child.tag, child.text) for child in element]) for element in root]


def rows(response, fmt):
    """The answer's rows as [{field: value}] whichever the format (XML values are text or None)."""
    if fmt == "json":
        return parsed_json(response)
    return [dict(fields) for _tag, fields in parsed_xml(response)[1]]


def get_rows(client, name, fmt, params=None, **kwargs):
    response = client.get(url(name, fmt, **kwargs), params or {})
    assert response.status_code == 200, response.content[:300]
    return rows(response, fmt)
