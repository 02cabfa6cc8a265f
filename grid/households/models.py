"""Households of a micro-grid (户): private, only staff whose scope covers its micro-grid see them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_create_with_history

from grid.territory.scoping import ScopedQuerySet
from nanjie.phones import PhoneField

# Notes are read on a phone and fit an Excel cell (at most 32,767 characters) many times over.
NOTE_MAX_LENGTH = 2000


def stale_days():
    """Households not visited for this many days are listed first (setting, with a default)."""
    return int(getattr(settings, "NANJIE_VISIT_STALE_DAYS", 30))


class SpecialGroup(models.TextChoices):
    """The special groups the article names; a household may belong to several."""

    ELDERLY_ALONE = "elderly_alone", _("Elderly living alone")
    DISABLED = "disabled", _("Disabled")
    HARDSHIP_FAMILY = "hardship_family", _("Hardship household")
    HARDSHIP_PARTY_MEMBER = "hardship_party", _("Hardship party member")
    MIGRANT_WORKER = "migrant_worker", _("Migrant workers and their children")
    DISASTER_HIT = "disaster_hit", _("Disaster-hit household")


class HouseholdQuerySet(ScopedQuerySet):
    node_path = "micro_grid"

    def in_micro_grids_of(self, user):
        """Households of the micro-grids a worker covers by their posts; staff without such posts get their scope."""
        from grid.territory.models import GridNode

        own = GridNode.objects.filter(worker_posts__person__user=user) if user.is_authenticated else None
        if own is not None and own.exists():
            return self.visible_to(user).filter(micro_grid__in=own)
        return self.visible_to(user)

    def visited_between(self, start, end, groups):
        """Households of any of `groups` with at least one visit on start..end, each counted once."""
        visits = self.model._meta.get_field("visits").related_model  # grid.Visit imports this module
        visited = visits.objects.filter(visited_on__range=(start, end)).values("household_id")
        return self.filter(tags__group__in=groups, pk__in=visited).distinct()

    def with_last_visit(self):
        """The day of each household's latest visit (None if never): one look-up a row on the visit index
        (household, -visited_on). A join with MAX() made PostgreSQL hash every visit of a county (300,000) for
        the branch's /me/ (bench/README.md, 2026-12-04)."""
        visits = self.model._meta.get_field("visits").related_model  # grid.Visit imports this module
        latest = visits.objects.filter(household=OuterRef("pk")).order_by("-visited_on").values("visited_on")[:1]
        return self.annotate(last_visit=Subquery(latest))

    def stale_first(self):
        """Never visited first, then the longest unvisited, then by address."""
        return self.with_last_visit().order_by(
            models.F("last_visit").asc(nulls_first=True), "micro_grid__code", "building", "room", "pk")


class Household(models.Model):
    """A household (户): private, only staff whose scope covers its micro-grid see it."""

    micro_grid = models.ForeignKey(
        "grid.GridNode", on_delete=models.PROTECT, related_name="households", verbose_name=_("micro-grid")
    )
    compound = models.CharField(_("compound"), max_length=50, blank=True)
    building = models.CharField(_("building"), max_length=20, blank=True)
    unit_number = models.CharField(_("stairwell unit"), max_length=20, blank=True)
    room = models.CharField(_("room"), max_length=20, blank=True)
    # The same bounds as the Excel import (grid/households/excel.py).
    people = models.PositiveSmallIntegerField(_("number of people"), default=1,
                                              validators=[MinValueValidator(1), MaxValueValidator(99)])
    contact_name = models.CharField(_("contact person"), max_length=50)
    contact_phone = PhoneField(_("contact phone"))
    notes = models.TextField(_("notes"), max_length=NOTE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["micro_grid", "compound", "building", "unit_number", "room", "pk"]
        indexes = [models.Index(fields=["micro_grid", "building", "room"], name="grid_household_address")]
        constraints = [
            models.UniqueConstraint(
                fields=["micro_grid", "compound", "building", "unit_number", "room", "contact_name"],
                name="one_household_per_address_and_contact",
                violation_error_message=_("This household is already registered."),
            ),
        ]

    def __str__(self):
        return f"{self.address} {self.contact_name}"

    def clean(self):
        super().clean()
        if self.micro_grid_id and not self.micro_grid.is_micro_grid:
            raise ValidationError({"micro_grid": ValidationError(
                _("A household belongs to a micro-grid."), code="not_micro_grid")})

    @property
    def address(self):
        parts = [self.compound, self.building and f"{self.building}幢", self.unit_number and f"{self.unit_number}单元",
                 self.room and f"{self.room}室"]
        return "".join(part for part in parts if part)

    @property
    def special_groups(self):
        """Labels of the tags; use prefetch_related("tags") in lists."""
        return [SpecialGroup(tag.group).label for tag in self.tags.all()]

    def set_special_groups(self, groups):
        groups = set(groups)
        self.tags.exclude(group__in=groups).delete()
        existing = set(self.tags.values_list("group", flat=True))
        # With history rows: who tagged a household "elderly living alone", and when, is part of the audit.
        bulk_create_with_history([HouseholdTag(household=self, group=g) for g in sorted(groups - existing)],
                                 HouseholdTag)


class HouseholdTag(models.Model):
    """One special-group tag on a household (a row per tag, so lists filter and count in SQL)."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="tags",
                                  verbose_name=_("household"))
    group = models.CharField(_("special group"), max_length=16, choices=SpecialGroup)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("special-group tag")
        verbose_name_plural = _("special-group tags")
        ordering = ["group"]
        constraints = [models.UniqueConstraint(fields=["household", "group"], name="one_tag_per_group")]

    def __str__(self):
        return self.get_group_display()
