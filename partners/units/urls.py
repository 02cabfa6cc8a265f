from django.urls import path

from partners.units import views

urlpatterns = [
    path("units/", views.unit_list, name="units"),
]
