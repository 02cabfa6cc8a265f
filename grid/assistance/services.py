"""The "three ways" (三办): affairs handled by proxy, by accompanying the resident, or at their door."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grid.models.households import NOTE_MAX_LENGTH


class ServiceQuerySet(models.QuerySet):
    def visible_to(self, user):
        from grid.models import GridNode

        return self.filter(household__micro_grid__in=GridNode.objects.visible_to(user))


class ServiceRecord(models.Model):
    class Way(models.TextChoices):
        PROXY = "proxy", _("By proxy (代理办)")
        ACCOMPANY = "accompany", _("Accompanying (领着办)")
        DOORSTEP = "doorstep", _("At the door (上门办)")

    way = models.CharField(_("way"), max_length=10, choices=Way)
    what = models.CharField(_("what"), max_length=200, help_text=_("E.g. paying urban–rural medical insurance."))
    household = models.ForeignKey("grid.Household", on_delete=models.PROTECT, related_name="services",
                                  verbose_name=_("household"))
    person_name = models.CharField(_("for whom"), max_length=50, blank=True)
    done_on = models.DateField(_("date"), default=timezone.localdate)
    helper = models.ForeignKey("grid.Person", on_delete=models.PROTECT, related_name="services_done",
                               verbose_name=_("done by"))
    notes = models.TextField(_("notes"), max_length=NOTE_MAX_LENGTH, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("recorded by"))
    # The form's one-time token: a double tap or a resent POST finds the first record instead of a second.
    token = models.UUIDField(_("submission token"), null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("three-ways service")
        verbose_name_plural = _("three-ways services")
        ordering = ["-done_on", "-pk"]
        indexes = [models.Index(fields=["way", "done_on"], name="grid_service_way_date")]

    def __str__(self):
        return f"{self.get_way_display()} {self.what}"

    def clean(self):
        super().clean()
        if self.done_on and self.done_on > timezone.localdate():
            raise ValidationError({"done_on": _("The date cannot be in the future.")}, code="future_service")
