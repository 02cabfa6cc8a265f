"""Field work, mounted at /field/ (namespace "field"): each package's routes, side by side.

The territory's pages are grid/territory/urls.py, mounted at /grid/ (namespace "grid").
"""

from grid.assistance import urls as assistance
from grid.disputes import urls as disputes
from grid.households import urls as households
from grid.teams import urls as teams
from grid.visits import urls as visits

app_name = "field"
urlpatterns = [*households.urlpatterns, *visits.urlpatterns, *assistance.urlpatterns, *disputes.urlpatterns,
               *teams.urlpatterns]
