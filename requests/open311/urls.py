from django.urls import re_path

from requests.open311 import views

# /open311/v2/…: the format is the resource's extension, as the spec has it.
FORMAT = r"\.(?P<format>json|xml)$"
urlpatterns = [
    re_path(r"^open311/v2/services" + FORMAT, views.services, name="open311_services"),
    re_path(r"^open311/v2/requests" + FORMAT, views.service_requests, name="open311_requests"),
    re_path(r"^open311/v2/requests/(?P<service_request_id>[^/]+?)" + FORMAT, views.service_request,
            name="open311_request"),
]
