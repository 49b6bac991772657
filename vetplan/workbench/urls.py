from __future__ import annotations

from django.urls import path

from vetplan.workbench import views

app_name = "workbench"

urlpatterns = [
    path("workbench/badges/", views.badges, name="badges"),
    path("notifications/", views.notification_list, name="notification_list"),
    path("notifications/<int:notification_pk>/read/", views.notification_read, name="notification_read"),
    path("notifications/read-all/", views.notification_read_all, name="notification_read_all"),
]
