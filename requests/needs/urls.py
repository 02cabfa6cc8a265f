from django.urls import path

from requests.needs import views

urlpatterns = [
    path("requests/promote/", views.promote_requests, name="promote"),
]
