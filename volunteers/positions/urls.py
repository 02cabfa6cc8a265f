from django.urls import path

from volunteers.positions import views

urlpatterns = [
    path("positions/", views.position_list, name="positions"),
    path("positions/<int:pk>/", views.position_detail, name="position"),
    path("work/positions/", views.manage_list, name="manage_positions"),
    path("work/positions/<int:pk>/", views.manage_detail, name="manage_position"),
    path("work/positions/<int:pk>/inspect/", views.inspect, name="inspect"),
    path("work/inspections/", views.inspection_list, name="inspections"),
    path("work/inspections/<int:pk>/fixed/", views.inspection_fixed, name="inspection_fixed"),
    path("work/roster/", views.roster, name="roster"),
]
