from django.urls import path

from volunteers.services import views

urlpatterns = [
    path("services/", views.services, name="services"),
    path("services/calendar.ics", views.community_calendar, name="calendar"),
    path("positions/<int:pk>/calendar.ics", views.position_calendar, name="position_calendar"),
]
