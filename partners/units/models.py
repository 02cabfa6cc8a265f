"""The community's partners: co-building units and "two new" organisations, the matters they handle (categories)
and their party members."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from grid.people.models import people_in_scope
from grid.territory.scoping import (
    CommunityRosterManager,
    CommunityRosterQuerySet,
    CommunityWideQuerySet,
    ScopedQuerySet,
    community_field,
    refuse_twice_in_community,
    unique_in_community,
)
from nanjie.phones import PhoneField


class Category(models.Model):
    """A category of matters (环境卫生, 公共设施维修…): what a unit handles and what a request is about."""

    objects = CommunityWideQuerySet.as_manager()

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=50, unique=True)
    # Working days (nanjie/workdays.py): public holidays do not count, 调休 Saturdays do.
    default_deadline_days = models.PositiveSmallIntegerField(
        _("default deadline (working days)"), default=7,
        help_text=_("Working days a unit has to close a request of this kind.")
    )
    response_workdays = models.PositiveSmallIntegerField(
        _("response limit (working days)"), default=2,
        help_text=_("Working days in which a request of this kind must be dispatched or first acted on."),
        validators=[MinValueValidator(1), MaxValueValidator(30)],
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


def unit_ids_of(user):
    """The units whose party member this login is (an id query): what a unit's member reaches beyond grids."""
    return UnitMembership.objects.filter(person__user=user).values_list("unit_id", flat=True)


def unit_people(user):
    """The party members of this login's units (for Person.objects.visible_to, added in PartnersConfig.ready)."""
    return UnitMembership.objects.filter(unit_id__in=unit_ids_of(user)).values_list("person_id", flat=True)


class UnitQuerySet(CommunityRosterQuerySet):
    def handling(self, category):
        """Units whose duties cover a category: the dispatch form suggests these first."""
        return self.filter(duties=category)


class Unit(models.Model):
    class Kind(models.TextChoices):
        CO_BUILDING = "co_building", _("Co-building unit")
        NEW_ECONOMIC = "new_economic", _("New economic organisation")
        NEW_SOCIAL = "new_social", _("New social organisation")

    community = community_field()
    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind)
    contact_name = models.CharField(_("contact person"), max_length=50, blank=True)
    contact_phone = PhoneField(_("contact phone"))
    duties = models.ManyToManyField(
        Category, blank=True, related_name="units", verbose_name=_("duties"),
        help_text=_("The categories of matters this unit handles; used to dispatch requests."),
    )
    party_members = models.ManyToManyField(
        "grid.Person", through="UnitMembership", related_name="units", verbose_name=_("party members")
    )
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords(m2m_fields=[duties])

    objects = CommunityRosterManager.from_queryset(UnitQuerySet)()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["kind", "name"]
        constraints = unique_in_community("name", "unit_name_unique")

    def __str__(self):
        return self.short_name or self.name

    def clean(self):
        super().clean()
        refuse_twice_in_community(self, "name", _("This community already has a unit of this name."))



class UnitMembershipQuerySet(ScopedQuerySet):
    reach = {"unit": unit_ids_of, "person": people_in_scope}  # their unit's members, and people of their grids


class UnitMembership(models.Model):
    """A unit's party member, who can accept the requests dispatched to that unit."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("unit"))
    person = models.ForeignKey(
        "grid.Person", on_delete=models.CASCADE, related_name="unit_memberships", verbose_name=_("person")
    )
    duty = models.CharField(_("duty in the unit"), max_length=50, blank=True)
    history = HistoricalRecords()

    objects = UnitMembershipQuerySet.as_manager()

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
