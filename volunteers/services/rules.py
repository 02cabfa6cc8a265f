"""What makes a fixed-day rule possible, said in words staff understand, and how a rule reads aloud.

The model's clean() gives each impossible rule its own message and code; the same facts are check constraints
in the database (constraints()), so a rule written past the forms (a script, the shell) cannot be impossible.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from volunteers.positions.models import WEEKDAYS
from volunteers.services import recurrence

WEEKDAY_NAMES = dict(WEEKDAYS)
WEEK_NAMES = {1: _("first"), 2: _("second"), 3: _("third"), 4: _("fourth"), recurrence.LAST: _("last")}
LOOK_AHEAD = datetime.timedelta(days=366)  # a rule with no end must fall at least once in its first year


def part_of_day(starts_at):
    if starts_at.hour < 12:
        return _("morning")
    return _("afternoon") if starts_at.hour < 18 else _("evening")


class RuleChecks:
    """Mixin of ServiceRule: validation, its database constraints and its reading."""

    @staticmethod
    def constraints():
        weekly = Q(frequency=recurrence.WEEKLY, weekday__isnull=False, weekday__lte=6)
        monthly_day = Q(frequency=recurrence.MONTHLY_DAY, day_of_month__gte=1,
                        day_of_month__lte=recurrence.MAX_DAY_OF_MONTH)
        monthly_weekday = Q(frequency=recurrence.MONTHLY_WEEKDAY, weekday__isnull=False, weekday__lte=6,
                            week_of_month__in=[1, 2, 3, 4, recurrence.LAST])
        return [
            models.CheckConstraint(condition=weekly | monthly_day | monthly_weekday, name="rule_is_possible",
                                   violation_error_code="impossible",
                                   violation_error_message=_("This rule names no day that exists.")),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="rule_ends_after_start",
                                   violation_error_code="ends_before_start",
                                   violation_error_message=_("The service must end after it starts.")),
            models.CheckConstraint(condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                                   name="rule_until_after_from", violation_error_code="until_before_from",
                                   violation_error_message=_("The last date cannot be before the first.")),
            models.CheckConstraint(condition=Q(unit__isnull=True, team__isnull=False)
                                   | Q(unit__isnull=False, team__isnull=True),
                                   name="rule_has_one_provider", violation_error_code="provider",
                                   violation_error_message=_("Choose who provides it: one unit or one volunteer "
                                                             "team.")),
            models.CheckConstraint(condition=Q(every_weeks__gte=1, every_weeks__lte=4), name="rule_every_1_to_4_weeks"),
        ]

    def _normalise(self):
        """Forget what the chosen frequency does not use (a weekday left over from "weekly", say)."""
        if self.frequency != recurrence.WEEKLY:
            self.every_weeks = 1
        if self.frequency == recurrence.MONTHLY_DAY:
            self.weekday = None
        if self.frequency != recurrence.MONTHLY_DAY:
            self.day_of_month = None
        if self.frequency != recurrence.MONTHLY_WEEKDAY:
            self.week_of_month = None

    def clean(self):
        super().clean()
        self._normalise()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = ValidationError(_("The service must end after it starts."), code="ends_before_start")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = ValidationError(_("The last date cannot be before the first."),
                                                code="until_before_from")
        if self.frequency in (recurrence.WEEKLY, recurrence.MONTHLY_WEEKDAY) and self.weekday is None:
            errors["weekday"] = ValidationError(_("Choose the weekday."), code="no_weekday")
        if self.frequency == recurrence.MONTHLY_DAY:
            self._check_day_of_month(errors)
        if self.frequency == recurrence.MONTHLY_WEEKDAY and self.week_of_month not in WEEK_NAMES:
            errors["week_of_month"] = ValidationError(
                _("Choose the first, second, third, fourth or last one: not every month has a fifth."),
                code="impossible_week")
        if self.frequency == recurrence.WEEKLY and not 1 <= (self.every_weeks or 0) <= 4:
            errors["every_weeks"] = ValidationError(_("Every 1 to 4 weeks."), code="every_weeks")
        if bool(self.unit_id) == bool(self.team_id):
            errors["unit"] = ValidationError(_("Choose who provides it: one unit or one volunteer team."),
                                             code="provider")
        self._check_slots(errors)
        if not errors:
            self._check_falls(errors)
        if errors:
            raise ValidationError(errors)

    def _check_day_of_month(self, errors):
        day = self.day_of_month
        if day is None:
            errors["day_of_month"] = ValidationError(_("Choose the day of the month."), code="no_day")
        elif not 1 <= day <= 31:
            errors["day_of_month"] = ValidationError(_("A month has no day %(day)d."), code="impossible_day",
                                                     params={"day": day})
        elif day > recurrence.MAX_DAY_OF_MONTH:
            errors["day_of_month"] = ValidationError(
                _("Not every month has a %(day)dth: choose a day from 1 to 28, or “the last” weekday of the month."),
                code="not_every_month", params={"day": day})

    def _check_slots(self, errors):
        if not (self.slot_minutes and self.starts_at and self.ends_at and self.ends_at > self.starts_at):
            return
        length = (datetime.datetime.combine(datetime.date.min, self.ends_at)
                  - datetime.datetime.combine(datetime.date.min, self.starts_at))
        if datetime.timedelta(minutes=self.slot_minutes) > length:
            errors["slot_minutes"] = ValidationError(_("A booking slot cannot be longer than the session."),
                                                     code="slot_too_long")

    def _check_falls(self, errors):
        """A rule whose dates name no day at all (a Tuesday-only window for "every Monday") is refused."""
        if not self.starts_on:
            return
        until = self.ends_on or self.starts_on + LOOK_AHEAD
        if not recurrence.pattern_dates(self, self.starts_on, until):
            errors["__all__"] = ValidationError(
                _("This rule never falls between %(start)s and %(end)s: check the weekday and the dates."),
                code="never", params={"start": self.starts_on.isoformat(), "end": until.isoformat()})

    def repeats_label(self):
        """"Every Wednesday", "the 15th of each month", "the first Monday of each month"."""
        weekday = WEEKDAY_NAMES.get(self.weekday, "")
        if self.frequency == recurrence.WEEKLY:
            if (self.every_weeks or 1) > 1:
                return _("Every %(weeks)d weeks on %(weekday)s") % {"weeks": self.every_weeks, "weekday": weekday}
            return _("Every %(weekday)s") % {"weekday": weekday}
        if self.frequency == recurrence.MONTHLY_DAY:
            return _("The %(day)dth of each month") % {"day": self.day_of_month}
        return _("The %(which)s %(weekday)s of each month") % {
            "which": WEEK_NAMES.get(self.week_of_month, ""), "weekday": weekday}

    def hours_label(self):
        return f"{part_of_day(self.starts_at)} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"
