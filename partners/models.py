"""The partners app's models, one package per concern; imported here so Django finds them (app label "partners")."""

from partners.meeting.models import (
    AgendaItem,
    Attendance,
    CommitteeMember,
    Decision,
    DecisionEvent,
    DutyRota,
    Meeting,
    MinutesAmendment,
)
from partners.units.models import Category, Unit, UnitMembership

__all__ = ["AgendaItem", "Attendance", "Category", "CommitteeMember", "Decision", "DecisionEvent", "DutyRota",
           "Meeting", "MinutesAmendment", "Unit", "UnitMembership"]
