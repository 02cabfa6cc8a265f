from django.urls import path

from requests import views

app_name = "requests"
urlpatterns = [
    path("", views.home, name="home"),
]
