from django.urls import path

from grid.territory import views

app_name = "grid"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("<str:code>/", views.node_detail, name="node"),
    path("<str:code>/description/", views.edit_description, name="edit_description"),
]
