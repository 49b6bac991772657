from __future__ import annotations

from django.urls import path

from vetplan.reports import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("reports/plans/<int:plan_pk>/task-list.<str:fmt>", views.task_list, name="task_list"),
    path("reports/rounds/<int:round_pk>/report.<str:fmt>", views.round_report, name="round_report"),
    path("reports/bulletins/<int:bulletin_pk>/bulletin.<str:fmt>", views.bulletin, name="bulletin"),
]
