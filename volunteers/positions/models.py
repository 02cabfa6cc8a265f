"""The physical service positions (实体服务阵地): the party-mass service centre's 13 positions and the red
convenience stations (红色便民驿站) in the community and its compounds, with their duty roster, amenities and
monthly inspection log.

A centre position belongs to the community as a whole (`community`, the total grid); a red station stands in
a micro-grid too, which places it for the grid workers who serve there (visible_to). A host unit's party
members reach the positions their unit hosts.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from grid.territory.models import GridNode
from grid.territory.scoping import ScopedQuerySet
from nanjie.once import SubmissionKeyField
from nanjie.phones import PhoneField
from partners.units.models import unit_ids_of

NOTE_MAX_LENGTH = 2000
WEEKDAYS = [(0, _("Monday")), (1, _("Tuesday")), (2, _("Wednesday")), (3, _("Thursday")), (4, _("Friday")),
            (5, _("Saturday")), (6, _("Sunday"))]


def the_community():
    """The default `community` of a position: the portal's community (its total grid)."""
    root = GridNode.objects.community_root()
    return root.pk if root else None


def month_start(day):
    return day.replace(day=1)


class PositionQuerySet(ScopedQuerySet):
    node_path = "micro_grid"  # a red station's micro-grid; centre positions are for community-wide roles
    reach = {"host_unit": unit_ids_of}

    def public(self):
        """What the residents' pages list: the active positions of the portal's community."""
        root = GridNode.objects.community_root()
        return self.filter(active=True, community=root)

    def centre(self):
        return self.filter(kind=Position.Kind.CENTRE)

    def stations(self):
        return self.filter(kind=Position.Kind.RED_STATION)

    def with_flags(self, today=None):
        """Annotate kit_expired (a first-aid kit past its date) and inspected (an inspection this month)."""
        today = today or timezone.localdate()
        expired = Amenity.objects.filter(position=OuterRef("pk"), kind=Amenity.Kind.FIRST_AID_KIT,
                                         expires_on__lt=today)
        inspected = Inspection.objects.filter(position=OuterRef("pk"), month=month_start(today))
        return self.annotate(kit_expired=Exists(expired), inspected=Exists(inspected))

    def flagged(self, today=None):
        """Active red stations with an expired first-aid kit or no inspection this month (the branch's /me/)."""
        return (self.stations().filter(active=True).with_flags(today)
                .filter(Q(kit_expired=True) | Q(inspected=False)))


class Position(models.Model):
    class Kind(models.TextChoices):
        CENTRE = "centre", _("Service centre position")
        RED_STATION = "red_station", _("Red convenience station")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    name = models.CharField(_("name"), max_length=60)
    community = models.ForeignKey("grid.GridNode", on_delete=models.PROTECT, default=the_community,
                                  related_name="community_positions", verbose_name=_("community"))
    micro_grid = models.ForeignKey(
        "grid.GridNode", on_delete=models.PROTECT, null=True, blank=True, related_name="stations",
        verbose_name=_("micro-grid"), limit_choices_to={"kind": "micro_grid"},
        help_text=_("Where a red station stands; empty for a position inside the service centre."))
    compound = models.CharField(_("compound"), max_length=50, blank=True,
                                help_text=_("The residential compound it is in, if any, as residents call it."))
    location = models.CharField(_("where exactly"), max_length=100, blank=True,
                                help_text=_("A public place, e.g. the centre's first floor or a street corner."))
    host_unit = models.ForeignKey("partners.Unit", on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="positions", verbose_name=_("host unit"))
    open_weekdays = models.CharField(_("open on"), max_length=7, blank=True, default="01234",
                                     help_text=_("Weekdays it opens, 0 = Monday … 6 = Sunday, e.g. 01234."))
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    hours_note = models.CharField(_("about the hours"), max_length=100, blank=True,
                                  help_text=_("E.g. closed on public holidays; lunch break 12:00–14:30."))
    phone = PhoneField(_("phone of the position"), help_text=_("The position's own phone, never a person's."))
    description = models.TextField(_("what it offers"), max_length=NOTE_MAX_LENGTH, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("service position")
        verbose_name_plural = _("service positions")
        ordering = ["kind", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["community", "name"], name="one_position_name_per_community",
                                    violation_error_message=_("There is already a position of this name.")),
            models.CheckConstraint(
                condition=Q(kind="centre", micro_grid__isnull=True) | Q(kind="red_station", micro_grid__isnull=False),
                name="station_in_micro_grid_centre_not", violation_error_code="placement",
                violation_error_message=_("A red station stands in a micro-grid; a centre position in none.")),
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True, closes_at__isnull=True) | Q(closes_at__gt=models.F("opens_at")),
                name="position_closes_after_it_opens", violation_error_code="hours",
                violation_error_message=_("The closing time must be after the opening time.")),
        ]

    def __str__(self):
        return self.name

    @property
    def is_station(self):
        return self.kind == self.Kind.RED_STATION

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == self.Kind.RED_STATION and not self.micro_grid_id:
            errors["micro_grid"] = _("Choose the micro-grid the station stands in.")
        if self.kind == self.Kind.CENTRE and self.micro_grid_id:
            errors["micro_grid"] = _("A position inside the service centre has no micro-grid.")
        if self.micro_grid_id and self.micro_grid.kind != GridNode.Kind.MICRO_GRID:
            errors["micro_grid"] = _("Choose a micro-grid.")
        if (self.opens_at is None) != (self.closes_at is None):
            errors["closes_at"] = _("Give both the opening and the closing time, or neither.")
        elif self.opens_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The closing time must be after the opening time.")
        if any(day not in "0123456" for day in self.open_weekdays) or len(set(self.open_weekdays)) != len(
                self.open_weekdays):
            errors["open_weekdays"] = _("Write each open weekday once as a digit: 0 = Monday … 6 = Sunday.")
        if errors:
            raise ValidationError(errors, code="invalid_position")

    def opens_on(self, day):
        return str(day.weekday()) in self.open_weekdays

    def open_days_label(self):
        if len(set(self.open_weekdays)) == 7:
            return _("Every day")
        return "、".join(str(label) for number, label in WEEKDAYS if str(number) in self.open_weekdays)


class OfPositionQuerySet(ScopedQuerySet):
    """The rows of a position (its roster, amenities, inspections): seen by whoever sees the position."""

    node_path = "position__micro_grid"
    reach = {"position__host_unit": unit_ids_of}


def duty_people(user):
    """The people on duty at the positions a login reaches (for Person.objects.visible_to, added in ready)."""
    return DutyShift.objects.visible_to(user).values_list("person_id", flat=True)


class DutyShift(models.Model):
    """The duty roster: who is on duty at a position on which weekday and part of the day."""

    class Part(models.TextChoices):
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")
        ALL_DAY = "all_day", _("All day")

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="shifts",
                                 verbose_name=_("position"))
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS, validators=[MaxValueValidator(6)])
    part = models.CharField(_("part of the day"), max_length=10, choices=Part, default=Part.ALL_DAY)
    person = models.ForeignKey("grid.Person", on_delete=models.PROTECT, related_name="duty_shifts",
                               verbose_name=_("person on duty"))
    duty = models.CharField(_("duty"), max_length=50, blank=True, help_text=_("E.g. duty lawyer, community police."))
    history = HistoricalRecords()

    objects = OfPositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("duty shift")
        verbose_name_plural = _("duty roster")
        ordering = ["position", "weekday", "part", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["position", "weekday", "part", "person"], name="one_shift_per_slot_person",
                                    violation_error_message=_("This person is already on duty then.")),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="shift_weekday_0_to_6"),
        ]

    def __str__(self):
        return f"{self.position} {self.get_weekday_display()} {self.get_part_display()}: {self.person}"


class Amenity(models.Model):
    """What a station offers anyone who walks in: seats, drinking water, a first-aid kit (with its expiry)…"""

    class Kind(models.TextChoices):
        SEATS = "seats", _("Seats")
        DRINKING_WATER = "water", _("Drinking water")
        FIRST_AID_KIT = "first_aid", _("First-aid kit")
        PHONE_CHARGER = "charger", _("Phone charger")
        UMBRELLA = "umbrella", _("Umbrellas to borrow")
        READING_GLASSES = "glasses", _("Reading glasses")
        BLOOD_PRESSURE = "blood_pressure", _("Blood-pressure monitor")
        MICROWAVE = "microwave", _("Microwave oven")
        TOILET = "toilet", _("Toilet")
        BOOKS = "books", _("Books and newspapers")
        OTHER = "other", _("Other")

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="amenities",
                                 verbose_name=_("position"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind)
    label = models.CharField(_("details"), max_length=50, blank=True)
    quantity = models.PositiveSmallIntegerField(_("how many"), default=1)
    expires_on = models.DateField(_("expires on"), null=True, blank=True,
                                  help_text=_("For a first-aid kit: the earliest expiry date of what is in it."))
    history = HistoricalRecords()

    objects = OfPositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("amenity")
        verbose_name_plural = _("amenities")
        ordering = ["position", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["position", "kind", "label"], name="one_amenity_per_kind_label",
                                    violation_error_message=_("This station already lists this amenity.")),
            models.CheckConstraint(condition=~Q(kind="first_aid") | Q(expires_on__isnull=False),
                                   name="first_aid_kit_has_expiry", violation_error_code="no_expiry",
                                   violation_error_message=_("A first-aid kit needs its expiry date.")),
        ]

    def __str__(self):
        return self.label or self.get_kind_display()

    def is_expired(self, today=None):
        return self.expires_on is not None and self.expires_on < (today or timezone.localdate())


class Inspection(models.Model):
    """The monthly inspection of a station: what was checked, what is missing, and when that was fixed."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="inspections",
                                 verbose_name=_("position"))
    month = models.DateField(_("month"), editable=False)
    inspected_on = models.DateField(_("inspected on"))
    checked = models.TextField(_("what was checked"), max_length=NOTE_MAX_LENGTH)
    missing = models.TextField(_("what is missing or broken"), max_length=NOTE_MAX_LENGTH, blank=True)
    fixed_on = models.DateField(_("fixed on"), null=True, blank=True)
    fixed_note = models.CharField(_("how it was fixed"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("recorded by"))
    token = SubmissionKeyField(_("submission token"))  # nanjie/once.py: a double tap logs one inspection
    history = HistoricalRecords(excluded_fields=["token"])

    objects = OfPositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-month", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["position", "month"], name="one_inspection_per_station_month",
                                    violation_error_message=_("This station was already inspected this month.")),
            models.CheckConstraint(condition=Q(fixed_on__isnull=True) | Q(fixed_on__gte=models.F("inspected_on")),
                                   name="fixed_after_inspection", violation_error_code="fixed_before",
                                   violation_error_message=_("It cannot be fixed before it was found.")),
        ]

    def __str__(self):
        return f"{self.position} {self.month:%Y-%m}"

    @property
    def is_open(self):
        return bool(self.missing.strip()) and self.fixed_on is None

    def clean(self):
        super().clean()
        if self.inspected_on and self.inspected_on > timezone.localdate():
            raise ValidationError({"inspected_on": ValidationError(
                _("An inspection cannot be in the future."), code="future")})
        if self.inspected_on:
            self.month = month_start(self.inspected_on)

    def save(self, *args, **kwargs):
        self.month = month_start(self.inspected_on)
        super().save(*args, **kwargs)

    @classmethod
    def record(cls, position, *, by, inspected_on, checked, missing="", token=None):
        """Log this month's inspection of a station; a second one for the same month is refused."""
        inspection = cls(position=position, inspected_on=inspected_on, checked=checked, missing=missing,
                         recorded_by=by, token=token)
        inspection.clean()
        if cls.objects.filter(position=position, month=month_start(inspected_on)).exists():
            raise ValidationError(_("This station was already inspected this month."), code="already_inspected")
        inspection._history_user = by
        try:
            with transaction.atomic():
                inspection.save()
        except IntegrityError:
            if token and cls.objects.filter(token=token).exists():
                raise  # the same form pressed twice: save_once finds the first
            raise ValidationError(_("This station was already inspected this month."),
                                  code="already_inspected") from None
        return inspection

    @transaction.atomic
    def mark_fixed(self, *, by, on=None, note=""):
        """What was missing is there again. The row lock settles two staff pressing at once; history is the audit."""
        on = on or timezone.localdate()
        current = Inspection.objects.select_for_update().get(pk=self.pk)
        if not current.missing.strip():
            raise ValidationError(_("Nothing was missing at this inspection."), code="nothing_missing")
        if current.fixed_on is not None:
            raise ValidationError(_("This was already marked as fixed."), code="already_fixed")
        if on < current.inspected_on or on > timezone.localdate():
            raise ValidationError(_("The date it was fixed must be between the inspection and today."),
                                  code="fixed_date")
        current.fixed_on, current.fixed_note = on, note
        current._history_user = by
        current.save(update_fields=["fixed_on", "fixed_note"])
        self.fixed_on, self.fixed_note = on, note


def days_of_week(monday):
    return [monday + datetime.timedelta(days=offset) for offset in range(7)]
