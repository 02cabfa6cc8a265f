from django.urls import path

from volunteers.study import views

urlpatterns = [
    path("study/", views.my_study, name="my_study"),
    path("study/<int:pk>/sign-in/", views.sign_in, name="study_sign_in"),
    path("work/study/", views.session_list, name="study_sessions"),
    path("work/study/new/", views.session_new, name="study_new"),
    path("work/study/missed/", views.missed_list, name="study_missed"),
    path("work/study/<int:pk>/", views.session_detail, name="study_session"),
    path("work/study/<int:pk>/attendance/", views.session_tick, name="study_tick"),
    path("work/study/<int:pk>/close/", views.session_close, name="study_close"),
    path("work/study/<int:pk>/cancel/", views.session_cancel, name="study_cancel"),
    path("work/study/<int:pk>/materials/", views.session_file, name="study_file"),
    path("work/mobile/", views.member_list, name="mobile_members"),
    path("work/mobile/<int:pk>/", views.member_detail, name="mobile_member"),
    path("work/mobile/<int:pk>/contact/", views.member_contact, name="mobile_contact"),
    path("work/mobile/<int:pk>/came-back/", views.member_came_back, name="mobile_came_back"),
]
