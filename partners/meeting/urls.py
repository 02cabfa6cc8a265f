from django.urls import path

from partners.meeting import views

urlpatterns = [
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/new/", views.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/attendance/", views.attendance, name="meeting_attendance"),
    path("meetings/<int:pk>/agenda/build/", views.build_agenda, name="meeting_build_agenda"),
    path("meetings/<int:pk>/agenda/add/", views.add_item, name="meeting_add_item"),
    path("meetings/<int:pk>/agenda/<int:item_pk>/drop/", views.drop_item, name="meeting_drop_item"),
    path("meetings/<int:pk>/agenda/<int:item_pk>/decide/", views.decide, name="meeting_decide"),
    path("meetings/<int:pk>/minutes/", views.minutes, name="meeting_minutes"),
    path("meetings/<int:pk>/minutes/confirm/", views.confirm, name="meeting_confirm"),
    path("meetings/<int:pk>/minutes/amend/", views.amend, name="meeting_amend"),
    path("meetings/<int:pk>/minutes/print/", views.minutes_print, name="meeting_print"),
    path("decisions/", views.decision_list, name="decisions"),
    path("decisions/<int:pk>/done/", views.decision_done, name="decision_done"),
    path("decisions/<int:pk>/carry/", views.decision_carry, name="decision_carry"),
    path("units/<int:pk>/scorecard/", views.scorecard, name="scorecard"),
    path("scorecards/", views.scorecards, name="scorecards"),
]
