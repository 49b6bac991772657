from __future__ import annotations

from django.urls import path

from vetplan.jobs import views

app_name = "jobs"

urlpatterns = [
    path("jobs/<int:job_pk>/", views.job_detail, name="job_detail"),
    path("jobs/<int:job_pk>/progress/", views.job_progress, name="job_progress"),
]
