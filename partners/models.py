"""The partners app's models, one package per concern; imported here so Django finds them (app label "partners")."""

from partners.meeting.models import CommitteeMember, DutyRota
from partners.units.models import Category, Unit, UnitMembership

__all__ = ["Category", "CommitteeMember", "DutyRota", "Unit", "UnitMembership"]
