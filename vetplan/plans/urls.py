from __future__ import annotations

from django.urls import path

from vetplan.plans import import_views, views

app_name = "plans"

urlpatterns = [
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/search/", views.plan_search, name="plan_search"),
    path("plans/<int:plan_pk>/", views.plan_detail, name="plan_detail"),
    path("plans/import/", import_views.import_upload, name="import_upload"),
    path("plans/import/<int:draft_pk>/", import_views.import_review, name="import_review"),
    path("plans/import/<int:draft_pk>/confirm/", import_views.import_confirm, name="import_confirm"),
    path("plans/import/<int:draft_pk>/discard/", import_views.import_discard, name="import_discard"),
    path("plans/<int:plan_pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:plan_pk>/archive/", views.plan_archive, name="plan_archive"),
    path("plans/<int:plan_pk>/targets/new/", views.target_create, name="target_create"),
    path("plans/<int:plan_pk>/tasks/new/", views.task_create, name="task_create"),
    path("targets/", views.target_list, name="target_list"),
    path("targets/<int:target_pk>/edit/", views.target_edit, name="target_edit"),
    path("tasks/", views.task_list, name="task_list"),
    path("tasks/<int:task_pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:task_pk>/edit/", views.task_edit, name="task_edit"),
    path("tasks/<int:task_pk>/status/", views.task_status, name="task_status"),
]
