"""The volunteers' pages, mounted at /volunteers/ (namespace "volunteers"): each package's routes, side by side.

The teams' routes come last: their /volunteers/<colour>/ would otherwise take every other one-word address.
"""

from volunteers.activities import urls as activities
from volunteers.bookings import urls as bookings
from volunteers.positions import urls as positions
from volunteers.services import urls as services
from volunteers.sessions import urls as sessions
from volunteers.study import urls as study
from volunteers.teams import urls as teams

app_name = "volunteers"
urlpatterns = [*positions.urlpatterns, *services.urlpatterns, *sessions.urlpatterns, *bookings.urlpatterns,
               *study.urlpatterns, *activities.urlpatterns, *teams.urlpatterns]
