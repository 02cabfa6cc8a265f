from django.urls import path

from requests.statistics import views

urlpatterns = [
    path("stats/", views.stats, name="stats"),
]
