"""Field work, mounted at /field/ (namespace "field")."""

from django.urls import path

from grid import (
                  field_views_coverage,
                  field_views_disputes,
                  field_views_households,
                  field_views_pairs,
                  field_views_services,
                  field_views_visits,
                  field_views_whistles,
)

app_name = "field"
urlpatterns = [
    path("households/", field_views_households.household_list, name="households"),
    path("households/new/", field_views_households.household_edit, name="household_new"),
    path("households/export.xlsx", field_views_households.household_export, name="household_export"),
    path("households/import/", field_views_households.household_import, name="household_import"),
    path("households/<int:pk>/", field_views_households.household_detail, name="household"),
    path("households/<int:pk>/edit/", field_views_households.household_edit, name="household_edit"),
    path("households/<int:household_pk>/visit/", field_views_visits.visit_new, name="visit_new"),
    path("households/<int:household_pk>/service/", field_views_services.service_new, name="service_new"),
    path("visit/", field_views_visits.visit_start, name="visit_start"),
    path("visits/", field_views_visits.visit_list, name="visits"),
    path("visits/<int:pk>/", field_views_visits.visit_detail, name="visit"),
    path("coverage/", field_views_coverage.coverage, name="coverage"),
    path("pairs/", field_views_pairs.pair_list, name="pairs"),
    path("pairs/<int:pk>/", field_views_pairs.pair_detail, name="pair"),
    path("pairs/<int:pk>/contact/", field_views_pairs.pair_contact, name="pair_contact"),
    path("services/", field_views_services.service_list, name="services"),
    path("disputes/", field_views_disputes.dispute_list, name="disputes"),
    path("disputes/new/", field_views_disputes.dispute_new, name="dispute_new"),
    path("disputes/<int:pk>/", field_views_disputes.dispute_detail, name="dispute"),
    path("disputes/<int:pk>/<str:action>/", field_views_disputes.dispute_move, name="dispute_move"),
    path("whistles/", field_views_whistles.whistle_list, name="whistles"),
    path("whistles/new/", field_views_whistles.whistle_new, name="whistle_new"),
    path("whistles/<int:pk>/", field_views_whistles.whistle_detail, name="whistle"),
    path("whistles/<int:pk>/report/", field_views_whistles.whistle_report, name="whistle_report"),
    path("whistles/<int:pk>/close/", field_views_whistles.whistle_close, name="whistle_close"),
]
