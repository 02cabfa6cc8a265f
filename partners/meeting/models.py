"""The joint meeting (联席会议): the 6 part-time committee members and the month's on-duty chairman rota."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from grid.territory.scoping import CommunityWideQuerySet
from partners.units.models import Unit


class CommitteeMember(models.Model):
    """One of the 6 part-time committee members (兼职委员) who form the joint meeting."""

    person = models.OneToOneField(
        "grid.Person", on_delete=models.PROTECT, related_name="committee_seat", verbose_name=_("person")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="committee_members",
        verbose_name=_("unit"),
    )
    title = models.CharField(_("title"), max_length=50, blank=True)
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    objects = CommunityWideQuerySet.as_manager()  # the joint meeting is the community's

    class Meta:
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        ordering = ["pk"]

    def __str__(self):
        return str(self.person)


class DutyRotaQuerySet(CommunityWideQuerySet):
    def for_month(self, day=None):
        day = day or timezone.localdate()
        return self.filter(month=day.replace(day=1))


class DutyRota(models.Model):
    """The month's on-duty chairman (“值班”主席): one committee member per month."""

    month = models.DateField(_("month"), unique=True, help_text=_("The first day of the month."),
                             error_messages={"unique": _("This month already has an on-duty chairman.")})
    member = models.ForeignKey(
        CommitteeMember, on_delete=models.PROTECT, related_name="duty_months", verbose_name=_("on-duty chairman")
    )
    history = HistoricalRecords()

    objects = DutyRotaQuerySet.as_manager()

    class Meta:
        verbose_name = _("on-duty chairman rota")
        verbose_name_plural = _("on-duty chairman rota")
        ordering = ["-month"]
        constraints = [
            models.CheckConstraint(
                condition=Q(month__day=1),
                name="rota_month_is_first_day",
                violation_error_message=_("Give the first day of the month."),
            )
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.member}"

    def save(self, *args, **kwargs):
        # Any day of the month names the month.
        if self.month:
            self.month = self.month.replace(day=1)
        super().save(*args, **kwargs)

    @classmethod
    def chairman_for(cls, day=None):
        rota = cls.objects.for_month(day).select_related("member__person").first()
        return rota.member if rota else None
