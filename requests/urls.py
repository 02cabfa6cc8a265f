"""The requests app's pages, mounted at the site's root (namespace "requests"): each package's routes, side by side.

The residents' addresses come first; they are printed on posters and leaflets and must not change.
"""

from requests.needs import urls as needs
from requests.notices import urls as notices
from requests.open311 import urls as open311
from requests.printouts import urls as printouts
from requests.public import urls as public
from requests.staff import urls as staff
from requests.statistics import urls as statistics

app_name = "requests"
urlpatterns = [*public.urlpatterns, *notices.urlpatterns, *statistics.urlpatterns, *printouts.urlpatterns,
               *staff.urlpatterns, *open311.urlpatterns, *needs.urlpatterns]
