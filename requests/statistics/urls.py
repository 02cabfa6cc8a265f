from django.urls import path

from requests.statistics import area, export, report, views

urlpatterns = [
    path("stats/", views.stats, name="stats"),
    path("stats/figures/<str:name>/", views.figure_detail, name="figure"),
    path("stats/rates/", views.rates, name="rates"),
    path("stats/area/<str:code>/", area.area, name="area"),
    path("stats/rates/units/", views.rates_units, name="rates_units"),
    path("stats/open-data.zip", export.bundle, name="stats_bundle"),
    path("stats/report/<int:year>-<int:month>/", report.monthly_report, name="monthly_report"),
]
