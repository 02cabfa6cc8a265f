from django.urls import path

from grid import views

app_name = "grid"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("<str:code>/", views.node_detail, name="node"),
]
