from __future__ import annotations

from django.urls import path

from vetplan.orgs import views

app_name = "orgs"

urlpatterns = [
    path("orgs/", views.org_list, name="org_list"),
    path("orgs/search/", views.unit_search, name="unit_search"),
    path("orgs/<int:org_pk>/", views.org_detail, name="org_detail"),
    path("orgs/<int:org_pk>/edit/", views.org_edit, name="org_edit"),
]
