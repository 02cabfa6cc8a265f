"""The grid workers' visits to households (一走、一看、一问、一听)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.households.models import NOTE_MAX_LENGTH, Household
from grid.territory.scoping import ScopedQuerySet
from nanjie import photos
from nanjie.once import SubmissionKeyField


class VisitQuerySet(ScopedQuerySet):
    node_path = "household__micro_grid"


class Visit(models.Model):
    """One household visit: what the worker walked past, saw, asked and heard, and opinions collected."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="visits",
                                  verbose_name=_("household"))
    worker = models.ForeignKey("grid.Person", on_delete=models.PROTECT, related_name="visits",
                               verbose_name=_("grid worker"))
    visited_on = models.DateField(_("visit date"))
    walked = models.TextField(_("walk"), max_length=NOTE_MAX_LENGTH, blank=True,
                              help_text=_("What you walked past: stairwells, surroundings."))
    looked = models.TextField(_("look"), max_length=NOTE_MAX_LENGTH, blank=True,
                              help_text=_("What you saw: safety hazards, living conditions."))
    asked = models.TextField(_("ask"), max_length=NOTE_MAX_LENGTH, blank=True,
                             help_text=_("What you asked: needs, difficulties."))
    listened = models.TextField(_("listen"), max_length=NOTE_MAX_LENGTH, blank=True,
                                help_text=_("What you heard: opinions and suggestions."))
    opinions = models.TextField(_("opinions collected"), max_length=NOTE_MAX_LENGTH, blank=True)
    # Only ever a re-encoded photo without EXIF/GPS (nanjie/photos.py), set by the visit form: not editable
    # elsewhere (admin shows it read-only), served only by field:visit_photo to who can see the visit.
    photo = models.FileField(_("photo"), upload_to="visit-photos/%Y/%m/", blank=True, editable=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("recorded by"))
    token = SubmissionKeyField(_("submission token"))  # nanjie/once.py: a double tap saves one visit
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-visited_on", "-pk"]
        indexes = [models.Index(fields=["household", "-visited_on"], name="grid_visit_household_date")]

    def __str__(self):
        return f"{self.visited_on} {self.household}"

    def save(self, *args, **kwargs):
        with photos.removed_on_failure(self.photo):  # a visit that is not saved keeps no photo behind
            super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.visited_on and self.visited_on > timezone.localdate():
            raise ValidationError({"visited_on": ValidationError(
                _("A visit cannot be in the future."), code="future_visit")})
        if self.visited_on and self.visited_on < timezone.localdate() - datetime.timedelta(days=366):
            raise ValidationError({"visited_on": ValidationError(
                _("A visit more than a year ago cannot be logged here."), code="old_visit")})
