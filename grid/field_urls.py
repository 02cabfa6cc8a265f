from django.urls import path  # noqa: F401 - field-work routes land here

app_name = "field"
urlpatterns = []
