"""Open311 GeoReport v2, read only, at /open311/v2/ (the spec: /work/shared/reference/open311-georeport-v2.md).

services.json|xml, requests.json|xml and requests/<id>.json|xml. A request's texts are the portal's public texts
only: `description` is the branch's reviewed public summary (Request.public_text) once a request is publicised,
nothing before; the address is the micro-grid's public name; no coordinates, name, phone or house number.
"""
