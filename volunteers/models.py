"""The volunteers app's models, one package per concern; imported here so Django finds them (label "volunteers")."""

from volunteers.bookings.models import Booking, BookingEvent
from volunteers.positions.models import Amenity, DutyShift, Inspection, Position
from volunteers.services.models import ServiceRule
from volunteers.sessions.models import Session, SessionChange
from volunteers.study.models import MobileMember, StudyAttendance, StudySession, StudySessionChange, TutorContact
from volunteers.teams.models import Team, TeamMember

__all__ = ["Amenity", "Booking", "BookingEvent", "DutyShift", "Inspection", "MobileMember", "Position", "ServiceRule",
           "Session", "SessionChange", "StudyAttendance", "StudySession", "StudySessionChange", "Team", "TeamMember",
           "TutorContact"]
