from django.urls import path

from volunteers.activities import plan_views, public_views, views, volunteer_views

urlpatterns = [
    path("activity-day/", public_views.activity_day, name="activity_day"),
    path("activities/past/", public_views.past_activities, name="past_activities"),
    path("work/plans/", plan_views.plan_list, name="plans"),
    path("work/plans/new/", plan_views.plan_new, name="plan_new"),
    path("work/plans/<int:pk>/", plan_views.plan_detail, name="plan"),
    path("work/plans/<int:pk>/reason/", plan_views.plan_reason, name="plan_reason"),
    path("work/plans/<int:pk>/publish/", plan_views.plan_publish, name="plan_publish"),
    path("work/activities/", views.activity_list, name="activities"),
    path("work/activities/new/", views.activity_new, name="activity_new"),
    path("work/activities/<int:pk>/", views.activity_detail, name="activity"),
    path("work/activities/<int:pk>/claim/", views.activity_claim, name="activity_claim"),
    path("work/activities/<int:pk>/sign-up/", views.activity_signup, name="activity_signup"),
    path("work/activities/<int:pk>/cancel/", views.signup_cancel, name="signup_cancel"),
    path("work/activities/<int:pk>/sign-in/", views.sign_in, name="sign_in"),
    path("work/activities/<int:pk>/sign-out/", views.sign_out, name="sign_out"),
    path("work/activities/<int:pk>/add-volunteer/", views.activity_add_volunteer, name="activity_add_volunteer"),
    path("work/activities/<int:pk>/record/", views.activity_record, name="activity_record"),
    path("work/signups/<int:pk>/confirm/", views.signup_confirm, name="signup_confirm"),
    path("work/signups/<int:pk>/late/", views.signup_late, name="signup_late"),
    path("work/signups/<int:pk>/approve/", views.signup_approve, name="signup_approve"),
    path("work/my-activities/", volunteer_views.my_activities, name="my_activities"),
    path("work/certificates/issue/", volunteer_views.certificate_issue, name="certificate_issue"),
    path("work/certificates/<int:pk>/", volunteer_views.certificate_detail, name="certificate"),
]
