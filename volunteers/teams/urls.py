from django.urls import path

from volunteers.teams import views

urlpatterns = [
    path("", views.team_list, name="teams"),
    path("<slug:colour>/", views.team_detail, name="team"),
]
