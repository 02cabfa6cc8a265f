from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RequestsConfig(AppConfig):
    name = "requests"
    label = "requests"
    verbose_name = _("Micro-wishes and requests")

    def ready(self):
        from grid import roles

        roles.grant(roles.JOINT_MEETING, "requests.view_all_requests", "requests.dispatch_request",
                    "requests.record_request", "requests.view_request")
        roles.grant(roles.UNIT_PARTY_MEMBER, "requests.accept_request", "requests.view_request")
        roles.grant(roles.GRID_WORKER, "requests.record_request", "requests.view_request")
        roles.grant(roles.BRANCH_ADMIN, "requests.view_all_requests", "requests.publicise_request",
                    "requests.dispatch_request", "requests.record_request", "requests.view_request",
                    "requests.view_transition", "requests.view_photo")
