from django.urls import path

from volunteers import views

app_name = "volunteers"
urlpatterns = [
    path("", views.team_list, name="teams"),
    path("<slug:colour>/", views.team_detail, name="team"),
]
