from django.urls import path

from partners.lists import decisions, export, figures, projects, public, resources, views

urlpatterns = [
    path("needs/", public.public_needs, name="public_needs"),
    path("projects/", public.public_projects, name="public_projects"),
    path("lists/needs/", views.need_list, name="needs_manage"),
    path("lists/needs/new/", views.need_new, name="need_new"),
    path("lists/needs/export.csv", export.needs_export, name="needs_export"),
    path("lists/needs/<int:pk>/", views.need_detail, name="need"),
    path("lists/needs/<int:pk>/claim/", views.need_claim, name="need_claim"),
    path("lists/projects/", projects.project_list, name="projects_manage"),
    path("lists/projects/new/", projects.project_new, name="project_new"),
    path("lists/projects/export.csv", export.projects_export, name="projects_export"),
    path("lists/projects/<int:pk>/", projects.project_detail, name="project"),
    path("lists/projects/<int:pk>/claim/", views.project_claim, name="project_claim"),
    path("lists/projects/<int:pk>/milestones/", projects.milestone_new, name="milestone_new"),
    path("lists/milestones/<int:pk>/done/", projects.milestone_done, name="milestone_done"),
    path("lists/resources/", resources.resource_list, name="resources_manage"),
    path("lists/resources/new/", resources.resource_new, name="resource_new"),
    path("lists/resources/export.csv", export.resources_export, name="resources_export"),
    path("lists/claims/", views.claim_list, name="claims"),
    path("lists/claims/<int:pk>/photo/", views.claim_photo, name="claim_photo"),
    path("lists/claims/<int:pk>/<slug:action>/", views.claim_act, name="claim_act"),
    path("lists/needs/from-decision/<int:pk>/", decisions.need_from_decision, name="need_from_decision"),
    path("lists/projects/from-decision/<int:pk>/", decisions.project_from_decision, name="project_from_decision"),
    path("lists/rates/", figures.rates, name="rates"),
    path("lists/units/<int:pk>/", figures.unit_record, name="unit_record"),
]
