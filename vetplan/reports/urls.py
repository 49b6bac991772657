from __future__ import annotations

from django.urls import path

from vetplan.reports import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("reports/plans/<int:plan_pk>/task-list.<str:fmt>", views.task_list, name="task_list"),
    path("reports/rounds/<int:round_pk>/report.<str:fmt>", views.round_report, name="round_report"),
    path("reports/bulletins/<int:bulletin_pk>/bulletin.<str:fmt>", views.bulletin, name="bulletin"),
    path("quality-reports/", views.quality_list, name="quality_list"),
    path("quality-reports/new/", views.quality_create, name="quality_create"),
    path("quality-reports/<int:report_pk>/", views.quality_detail, name="quality_detail"),
    path("quality-reports/<int:report_pk>/edit/", views.quality_edit, name="quality_edit"),
    path("quality-reports/<int:report_pk>/publish/", views.quality_publish, name="quality_publish"),
    path("quality-reports/<int:report_pk>/discard/", views.quality_discard, name="quality_discard"),
    path("quality-reports/<int:report_pk>/withdraw/", views.quality_withdraw, name="quality_withdraw"),
    path("quality-reports/<int:report_pk>/report.<str:fmt>", views.quality_download, name="quality_download"),
]
