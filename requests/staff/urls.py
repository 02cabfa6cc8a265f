from django.urls import path, re_path

from requests.staff import decisions, export, views

# A request's reference (NJ-2026-000123): strict, so it never swallows the other routes under requests/.
REFERENCE = r"(?P<reference>[A-Z][A-Z0-9]*-\d{4}-\d{6,})"

urlpatterns = [
    path("requests/", views.queue_index, name="queues"),
    path("requests/new/", views.record, name="record"),
    path("requests/from-decision/<int:pk>/", decisions.from_decision, name="from_decision"),
    path("requests/queue/<slug:name>/", views.queue, name="queue"),
    path("requests/queue/<slug:name>/export.csv", export.queue_export, name="queue_export"),
    re_path(rf"^requests/{REFERENCE}/$", views.detail, name="detail"),
    re_path(rf"^requests/{REFERENCE}/(?P<action>dispatch|accept|close|publicise|rework|revise|return|invalid)/$",
            views.act, name="act"),
]
