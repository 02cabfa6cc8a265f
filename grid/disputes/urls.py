from django.urls import path

from grid.disputes import views

urlpatterns = [
    path("disputes/", views.dispute_list, name="disputes"),
    path("disputes/new/", views.dispute_new, name="dispute_new"),
    path("disputes/<int:pk>/", views.dispute_detail, name="dispute"),
    path("disputes/<int:pk>/<str:action>/", views.dispute_move, name="dispute_move"),
]
