"""The branch's login pages, mounted at /logins/ (namespace "logins")."""

from django.urls import path

from grid.people.logins import views

app_name = "logins"
urlpatterns = [
    path("", views.login_list, name="list"),
    path("<int:pk>/", views.login_detail, name="detail"),
    path("<int:pk>/create/", views.login_create, name="create"),
    path("<int:pk>/roles/", views.login_roles, name="roles"),
    path("<int:pk>/post/", views.login_post, name="post"),
    path("<int:pk>/reset/", views.login_reset, name="reset"),
    path("<int:pk>/deactivate/", views.login_deactivate, name="deactivate"),
    path("<int:pk>/reactivate/", views.login_reactivate, name="reactivate"),
]
