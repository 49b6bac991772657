from __future__ import annotations

from django.urls import path

from vetplan.supervision.views import actions, audit, bulletins, reports, rounds

app_name = "supervision"

urlpatterns = [
    path("supervision/", reports.overview, name="overview"),
    path("supervision/reports/", reports.report_list, name="report_list"),
    path("tasks/<int:task_pk>/report/", reports.report_create, name="report_create"),
    path("supervision/reports/<int:report_pk>/", reports.report_detail, name="report_detail"),
    path("supervision/reports/<int:report_pk>/revise/", reports.report_revise, name="report_revise"),
    path("supervision/reports/<int:report_pk>/review/", reports.report_review, name="report_review"),
    path("supervision/evidence/<int:evidence_pk>/", reports.evidence_download, name="evidence_download"),
    path("supervision/reminders/", reports.my_reminders, name="my_reminders"),
    path("supervision/reminders/<int:org_pk>/", reports.unit_reminders_page, name="unit_reminders"),
    path("supervision/items/<int:item_pk>/urge/", reports.item_urge, name="item_urge"),
    path("supervision/rounds/", rounds.round_list, name="round_list"),
    path("supervision/rounds/new/", rounds.round_create, name="round_create"),
    path("supervision/rounds/<int:round_pk>/", rounds.round_detail, name="round_detail"),
    path("supervision/rounds/<int:round_pk>/scores/", rounds.round_scores, name="round_scores"),
    path("supervision/rounds/<int:round_pk>/criteria/", rounds.criterion_create, name="criterion_create"),
    path("supervision/criteria/<int:criterion_pk>/delete/", rounds.criterion_delete, name="criterion_delete"),
    path("supervision/rounds/<int:round_pk>/consequences/", rounds.consequence_create, name="consequence_create"),
    path("supervision/consequences/<int:consequence_pk>/link/", rounds.consequence_link, name="consequence_link"),
    path("bulletins/", bulletins.bulletin_list, name="bulletin_list"),
    path("bulletins/<int:bulletin_pk>/", bulletins.bulletin_detail, name="bulletin_detail"),
    path("supervision/bulletins/new/", bulletins.bulletin_create, name="bulletin_create"),
    path("supervision/bulletins/<int:bulletin_pk>/edit/", bulletins.bulletin_edit, name="bulletin_edit"),
    path("supervision/bulletins/<int:bulletin_pk>/publish/", bulletins.bulletin_publish, name="bulletin_publish"),
    path("supervision/bulletins/<int:bulletin_pk>/withdraw/", bulletins.bulletin_withdraw, name="bulletin_withdraw"),
    path("supervision/interviews/", actions.interview_list, name="interview_list"),
    path("supervision/interviews/new/", actions.interview_create, name="interview_create"),
    path("supervision/orders/", actions.order_list, name="order_list"),
    path("supervision/orders/new/", actions.order_create, name="order_create"),
    path("supervision/orders/<int:order_pk>/", actions.order_detail, name="order_detail"),
    path("supervision/orders/<int:order_pk>/edit/", actions.order_edit, name="order_edit"),
    path("supervision/orders/<int:order_pk>/follow-up/", actions.order_follow_up, name="order_follow_up"),
    path("supervision/orders/<int:order_pk>/verify/", actions.order_verify, name="order_verify"),
    path("supervision/meetings/", actions.meeting_list, name="meeting_list"),
    path("supervision/meetings/new/", actions.meeting_create, name="meeting_create"),
    path("supervision/meetings/<int:meeting_pk>/", actions.meeting_detail, name="meeting_detail"),
    path("supervision/meetings/<int:meeting_pk>/edit/", actions.meeting_edit, name="meeting_edit"),
    path("supervision/decisions/<int:decision_pk>/task/", actions.decision_task, name="decision_task"),
    path("supervision/audit/", audit.audit_trail, name="audit_trail"),
    path("supervision/audit/export/", audit.audit_export, name="audit_export"),
]
