from django.urls import path

from grid.teams import views

urlpatterns = [
    path("whistles/", views.whistle_list, name="whistles"),
    path("whistles/new/", views.whistle_new, name="whistle_new"),
    path("whistles/<int:pk>/", views.whistle_detail, name="whistle"),
    path("whistles/<int:pk>/report/", views.whistle_report, name="whistle_report"),
    path("whistles/<int:pk>/close/", views.whistle_close, name="whistle_close"),
]
