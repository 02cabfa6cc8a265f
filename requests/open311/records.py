"""What one service and one service request say, field by field as the spec lists them (and nothing more).

The spec's field lists are RESPONSE_FIELDS below; a field we never fill (coordinates, an address id, a postcode,
media) is there and empty, so a client finds the shape the spec promises. Texts are Chinese whatever the
visitor's language: the answer is the same for everyone, and so cacheable.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from requests.lifecycle.models import Request

SERVICE_FIELDS = ("service_code", "service_name", "description", "metadata", "type", "keywords", "group")
REQUEST_FIELDS = ("service_request_id", "status", "status_notes", "service_name", "service_code", "description",
                  "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
                  "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url")

S = Request.State
STATUS = {S.ORDERED: "open", S.DISPATCHED: "open", S.ACCEPTED: "open", S.CLOSED: "closed", S.PUBLICISED: "closed",
          S.INVALID: "closed"}
STATUS_NOTES = {
    S.ORDERED: _("Ordered: waiting for the joint meeting to dispatch it to a unit."),
    S.DISPATCHED: _("Dispatched: waiting for a party member of the unit to accept it."),
    S.ACCEPTED: _("Accepted: a party member of the unit is handling it by the deadline."),
    S.CLOSED: _("Closed: the unit has finished; the party branch will publicise the closure."),
    S.PUBLICISED: _("Closed and publicised on the closure board."),
    S.INVALID: _("Closed as invalid or a duplicate."),
}
# Only these columns are read: never the resident's text, name, phone, household, or a staff note.
PUBLIC_COLUMNS = ("pk", "reference", "state", "category__code", "category__name", "micro_grid__name", "unit__name",
                  "deadline", "ordered_at", "dispatched_at", "accepted_at", "closed_at", "updated_at",
                  "public_summary", "summary_needs_review")


def public_requests():
    """Every request with a reference, as the public may know it (see the README: what Open311 shows)."""
    return (Request.objects.filter(reference__isnull=False)
            .select_related("category", "micro_grid", "unit").only(*PUBLIC_COLUMNS)
            .order_by("-ordered_at", "-pk"))


def by_status(queryset, statuses):
    states = [state for state, status in STATUS.items() if status in statuses]
    return queryset.filter(state__in=states) if statuses else queryset


def w3c(moment):
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def updated(wish):
    """When it last moved: for a closed request the spec wants the closing time."""
    if wish.state in (S.CLOSED, S.PUBLICISED) and wish.closed_at:
        return wish.closed_at
    if wish.state == S.INVALID:
        return wish.updated_at
    return max(moment for moment in (wish.ordered_at, wish.dispatched_at, wish.accepted_at) if moment)


def service(category):
    return {"service_code": category.code, "service_name": category.name,
            "description": str(_("Requests about %(name)s; a unit has %(days)d days to close one.")
                               % {"name": category.name, "days": category.default_deadline_days}),
            "metadata": False, "type": "realtime", "keywords": category.name, "group": None}


def service_request(wish):
    """One request. `description` is the branch's public summary (public_text) once publicised, else empty."""
    open_ = STATUS[wish.state] == "open"
    with override("zh-hans"):
        return {
            "service_request_id": wish.reference,
            "status": STATUS[wish.state],
            "status_notes": str(STATUS_NOTES[wish.state]),
            "service_name": wish.category.name,
            "service_code": wish.category.code,
            "description": wish.public_text or None,
            "agency_responsible": wish.unit.name if wish.unit_id else None,
            "service_notice": None,
            "requested_datetime": w3c(wish.ordered_at),
            "updated_datetime": w3c(updated(wish)),
            "expected_datetime": w3c(wish.deadline) if open_ else None,
            "address": wish.micro_grid.name,
            "address_id": None, "zipcode": None, "lat": None, "long": None, "media_url": None,
        }
