"""Households of a micro-grid and the grid workers' visits to them (一走、一看、一问、一听)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HouseholdQuerySet(models.QuerySet):
    def visible_to(self, user):
        from grid.models import GridNode

        return self.filter(micro_grid__in=GridNode.objects.visible_to(user))


class Household(models.Model):
    """A household (户): private, only staff whose scope covers its micro-grid see it."""

    micro_grid = models.ForeignKey(
        "grid.GridNode", on_delete=models.PROTECT, related_name="households", verbose_name=_("micro-grid")
    )
    compound = models.CharField(_("compound"), max_length=50, blank=True)
    building = models.CharField(_("building"), max_length=20, blank=True)
    unit_number = models.CharField(_("unit"), max_length=20, blank=True)
    room = models.CharField(_("room"), max_length=20, blank=True)
    people = models.PositiveSmallIntegerField(_("number of people"), default=1)
    contact_name = models.CharField(_("contact person"), max_length=50)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["micro_grid", "compound", "building", "unit_number", "room", "pk"]

    def __str__(self):
        return f"{self.address} {self.contact_name}"

    @property
    def address(self):
        parts = [self.compound, self.building and f"{self.building}幢", self.unit_number and f"{self.unit_number}单元",
                 self.room and f"{self.room}室"]
        return "".join(part for part in parts if part)


class VisitQuerySet(models.QuerySet):
    def visible_to(self, user):
        from grid.models import GridNode

        return self.filter(household__micro_grid__in=GridNode.objects.visible_to(user))


class Visit(models.Model):
    """One household visit: what the worker walked past, saw, asked and heard, and opinions collected."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="visits",
                                  verbose_name=_("household"))
    worker = models.ForeignKey("grid.Person", on_delete=models.PROTECT, related_name="visits",
                               verbose_name=_("grid worker"))
    visited_on = models.DateField(_("visit date"))
    walked = models.TextField(_("walk"), blank=True, help_text=_("What you walked past: stairwells, surroundings."))
    looked = models.TextField(_("look"), blank=True, help_text=_("What you saw: safety hazards, living conditions."))
    asked = models.TextField(_("ask"), blank=True, help_text=_("What you asked: needs, difficulties."))
    listened = models.TextField(_("listen"), blank=True, help_text=_("What you heard: opinions and suggestions."))
    opinions = models.TextField(_("opinions collected"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("recorded by"))
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-visited_on", "-pk"]
        indexes = [models.Index(fields=["household", "-visited_on"], name="grid_visit_household_date")]

    def __str__(self):
        return f"{self.visited_on} {self.household}"
