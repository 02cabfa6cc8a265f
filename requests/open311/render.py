"""The two formats of the spec: XML (required; schemaless, no namespace, the declaration with encoding UTF-8) and
JSON (the Spark convention: the list itself, each element an object). Public and the same for everyone, so
cacheable by anyone and readable from any origin (CORS); errors are cached briefly."""

import json
import re
from io import StringIO

from django.http import HttpResponse
from django.utils.xmlutils import SimplerXMLGenerator

CONTENT_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
# Root and element names of each list, as the spec names them.
ROOTS = {"services": "service", "service_requests": "request", "errors": "error"}
# XML 1.0 cannot carry most control characters at all: drop them (the JSON keeps them, escaped).
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_AGE = {200: 300, 400: 60, 404: 60}


def xml_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return NOT_IN_XML.sub("", str(value))


def as_xml(root, rows):
    out = StringIO()
    xml = SimplerXMLGenerator(out, "utf-8")
    xml.startDocument()
    xml.startElement(root, {})
    for row in rows:
        xml.startElement(ROOTS[root], {})
        for name, value in row.items():
            xml.addQuickElement(name, xml_value(value))
        xml.endElement(ROOTS[root])
    xml.endElement(root)
    xml.endDocument()
    return out.getvalue()


def answer(root, rows, fmt, status=200, headers=None):
    body = json.dumps(rows, ensure_ascii=False) if fmt == "json" else as_xml(root, rows)
    response = HttpResponse(body.encode("utf-8", errors="replace"), content_type=CONTENT_TYPES[fmt], status=status)
    response["Access-Control-Allow-Origin"] = "*"  # read-only public data, no cookies needed or read
    response["Cache-Control"] = f"public, max-age={MAX_AGE.get(status, 60)}"
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def errors(description, fmt, status=400):
    return answer("errors", [{"code": status, "description": description}], fmt, status)
