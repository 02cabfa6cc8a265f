from django.urls import path, re_path

from requests.printouts import views
from requests.staff.urls import REFERENCE

urlpatterns = [
    path("requests/posters/", views.posters, name="posters"),
    path("requests/posters/<str:code>/", views.posters, name="grid_posters"),
    path("requests/poster/<str:code>/", views.poster, name="poster"),
    re_path(rf"^requests/{REFERENCE}/slip/$", views.slip, name="slip"),
]
