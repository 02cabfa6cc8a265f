"""The partners' pages, mounted at /partners/ (namespace "partners"): each package's routes, side by side."""

from partners.lists import urls as lists
from partners.meeting import urls as meeting
from partners.units import urls as units

app_name = "partners"
urlpatterns = [*units.urlpatterns, *meeting.urlpatterns, *lists.urlpatterns]
