from __future__ import annotations

from django.urls import path

from vetplan.indicators import views

app_name = "indicators"

urlpatterns = [
    path("data/", views.dashboard, name="dashboard"),
    path("data/targets/<int:target_pk>/", views.target_detail, name="target_detail"),
    path("data/targets/<int:target_pk>/report/", views.target_report, name="target_report"),
    path(
        "data/targets/<int:target_pk>/reports/<int:report_pk>/evidence/",
        views.target_evidence,
        name="target_evidence",
    ),
    path("data/entry/", views.data_entry, name="data_entry"),
    path("data/entry/<int:org_pk>/<int:year>/", views.data_form, name="data_form"),
    path("data/template/", views.template_download, name="template_download"),
    path("data/upload/", views.data_upload, name="data_upload"),
    path("data/completeness/", views.completeness, name="completeness"),
    path("data/completeness/close/", views.completeness_close, name="completeness_close"),
    path("data/completeness/remind/", views.completeness_remind, name="completeness_remind"),
]
