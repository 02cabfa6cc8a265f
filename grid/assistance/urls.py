from django.urls import path

from grid.assistance import views

urlpatterns = [
    path("households/<int:household_pk>/service/", views.service_new, name="service_new"),
    path("pairs/", views.pair_list, name="pairs"),
    path("pairs/<int:pk>/", views.pair_detail, name="pair"),
    path("pairs/<int:pk>/contact/", views.pair_contact, name="pair_contact"),
    path("services/", views.service_list, name="services"),
]
