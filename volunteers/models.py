"""The volunteers app's models, one package per concern; imported here so Django finds them (label "volunteers")."""

from volunteers.activities.models import Activity, ActivityDay, ActivityLog, PlanReason
from volunteers.activities.signups import Certificate, SignUp
from volunteers.bookings.models import Booking, BookingEvent
from volunteers.positions.models import Amenity, DutyShift, Inspection, Position
from volunteers.services.models import ServiceRule
from volunteers.sessions.models import Session, SessionChange
from volunteers.study.models import MobileMember, StudyAttendance, StudySession, StudySessionChange, TutorContact
from volunteers.teams.models import Team, TeamMember

__all__ = ["Activity", "ActivityDay", "ActivityLog", "Amenity", "Booking", "BookingEvent", "Certificate", "DutyShift",
           "Inspection", "MobileMember", "PlanReason", "Position", "ServiceRule", "Session", "SessionChange",
           "SignUp", "StudyAttendance", "StudySession", "StudySessionChange", "Team", "TeamMember", "TutorContact"]
