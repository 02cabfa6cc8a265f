from django.urls import path

from grid.visits import views

urlpatterns = [
    path("households/<int:household_pk>/visit/", views.visit_new, name="visit_new"),
    path("visit/", views.visit_start, name="visit_start"),
    path("visits/", views.visit_list, name="visits"),
    path("visits/<int:pk>/", views.visit_detail, name="visit"),
    path("visits/<int:pk>/photo/", views.visit_photo, name="visit_photo"),
    path("coverage/", views.coverage, name="coverage"),
    path("visits/worksheets/", views.worksheet_index, name="visit_worksheets"),
    path("visits/worksheets/<str:code>/", views.worksheet, name="visit_worksheet"),
]
