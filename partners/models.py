"""The partners app's models, one package per concern; imported here so Django finds them (app label "partners")."""

from partners.lists.claims import Claim, ClaimTransition
from partners.lists.models import Milestone, Need, Project, Resource
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

__all__ = ["AgendaItem", "Attendance", "Category", "Claim", "ClaimTransition", "CommitteeMember", "Decision",
           "DecisionEvent", "DutyRota", "Meeting", "Milestone", "MinutesAmendment", "Need", "Project", "Resource",
           "Unit", "UnitMembership"]
