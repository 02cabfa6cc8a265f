from django.urls import path

from volunteers.sessions import views

urlpatterns = [
    path("work/sessions/", views.session_list, name="sessions"),
    path("work/sessions/<int:pk>/", views.session_detail, name="session"),
    path("work/sessions/<int:pk>/record/", views.session_record, name="session_record"),
    path("work/sessions/<int:pk>/cancel/", views.session_cancel, name="session_cancel"),
    path("work/services/<int:pk>/extra/", views.session_extra, name="session_extra"),
    path("work/positions/<int:pk>/week/", views.week, name="week"),
]
