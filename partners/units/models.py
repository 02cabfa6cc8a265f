"""The community's partners: co-building units, "two new" organisations, the joint meeting and its rota."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Category(models.Model):
    """A category of matters (环境卫生, 公共设施维修…): what a unit handles and what a request is about."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=50, unique=True)
    default_deadline_days = models.PositiveSmallIntegerField(
        _("default deadline (days)"), default=7, help_text=_("Days a unit has to close a request of this kind.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(default_deadline_days__gte=1, default_deadline_days__lte=365),
                name="category_deadline_1_to_365_days",
                violation_error_message=_("A deadline is between 1 and 365 days."),
            )
        ]

    def __str__(self):
        return self.name


class UnitQuerySet(models.QuerySet):
    def handling(self, category):
        """Units whose duties cover a category: the dispatch form suggests these first."""
        return self.filter(duties=category)


class Unit(models.Model):
    class Kind(models.TextChoices):
        CO_BUILDING = "co_building", _("Co-building unit")
        NEW_ECONOMIC = "new_economic", _("New economic organisation")
        NEW_SOCIAL = "new_social", _("New social organisation")

    name = models.CharField(_("name"), max_length=100, unique=True)
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind)
    contact_name = models.CharField(_("contact person"), max_length=50, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    duties = models.ManyToManyField(
        Category, blank=True, related_name="units", verbose_name=_("duties"),
        help_text=_("The categories of matters this unit handles; used to dispatch requests."),
    )
    party_members = models.ManyToManyField(
        "grid.Person", through="UnitMembership", related_name="units", verbose_name=_("party members")
    )
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords(m2m_fields=[duties])

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.short_name or self.name

    @property
    def is_two_new(self):
        return self.kind != self.Kind.CO_BUILDING

    def clean(self):
        super().clean()
        if self.contact_phone:
            from grid.phones import normalise_phone

            try:
                self.contact_phone = normalise_phone(self.contact_phone)
            except ValidationError as error:
                raise ValidationError({"contact_phone": error.messages}) from None


class UnitMembership(models.Model):
    """A unit's party member, who can accept the requests dispatched to that unit."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("unit"))
    person = models.ForeignKey(
        "grid.Person", on_delete=models.CASCADE, related_name="unit_memberships", verbose_name=_("person")
    )
    duty = models.CharField(_("duty in the unit"), max_length=50, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit party member")
        verbose_name_plural = _("unit party members")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "person"],
                name="one_membership_per_unit_person",
                violation_error_message=_("This person is already a party member of this unit."),
            )
        ]

    def __str__(self):
        return f"{self.unit}: {self.person}"


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

    class Meta:
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        ordering = ["pk"]

    def __str__(self):
        return str(self.person)


class DutyRotaQuerySet(models.QuerySet):
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


__all__ = ["Category", "CommitteeMember", "DutyRota", "Unit", "UnitMembership"]
