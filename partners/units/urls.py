from django.urls import path

from partners import views

app_name = "partners"
urlpatterns = [
    path("units/", views.unit_list, name="units"),
]
