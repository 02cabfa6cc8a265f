from django.urls import path

from grid.households import views

urlpatterns = [
    path("households/", views.household_list, name="households"),
    path("households/new/", views.household_edit, name="household_new"),
    path("households/export.xlsx", views.household_export, name="household_export"),
    path("households/import/", views.household_import, name="household_import"),
    path("households/<int:pk>/", views.household_detail, name="household"),
    path("households/<int:pk>/edit/", views.household_edit, name="household_edit"),
]
