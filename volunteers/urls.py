"""The volunteers' pages, mounted at /volunteers/ (namespace "volunteers"): each package's routes, side by side."""

from volunteers.teams import urls as teams

app_name = "volunteers"
urlpatterns = [*teams.urlpatterns]
