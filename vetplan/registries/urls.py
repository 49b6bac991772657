from __future__ import annotations

from django.urls import path

from vetplan.registries import views

app_name = "registries"

urlpatterns = [
    path("registries/", views.index, name="index"),
    path("registries/<str:code>/", views.record_list, name="list"),
    path("registries/<str:code>/template.xlsx", views.template_download, name="template"),
    path("registries/<str:code>/import/", views.record_import, name="import"),
    path("registries/<str:code>/export.xlsx", views.record_export, name="export"),
    path("registries/<str:code>/<int:pk>/", views.record_detail, name="detail"),
    path("registries/<str:code>/<int:pk>/person-export/", views.person_export, name="person_export"),
]
