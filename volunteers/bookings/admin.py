"""Admin for the bookings: to look up who booked (scoped like the session pages); tokens and keys stay out of it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from grid.territory.admin import ScopedAdmin, ScopedInline
from nanjie.masking import mask_name
from volunteers.bookings.models import Booking, BookingEvent

SHOWN = ["session", "slot_at", "resident_name", "resident_phone", "topic", "booked_at", "cancelled_at",
         "cancelled_by"]


class BookingEventInline(ScopedInline):
    model = BookingEvent
    extra = 0
    can_delete = False
    readonly_fields = ["event", "by", "note", "at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Booking)
class BookingAdmin(ScopedAdmin):
    list_display = ["session", "slot_at", "masked_name", "booked_at", "cancelled_at"]
    list_filter = ["session__rule__kind"]
    list_select_related = ["session__rule"]
    date_hierarchy = "booked_at"
    fields = SHOWN
    readonly_fields = SHOWN  # cancelling is the session page's (Booking.cancel writes the event row)
    inlines = [BookingEventInline]

    @admin.display(description=_("resident's name"))
    def masked_name(self, booking):
        return mask_name(booking.resident_name)

    def has_add_permission(self, request):
        return False  # residents book on the public page; staff record nothing here
