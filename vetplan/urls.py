from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from vetplan.api.api import api
from vetplan.core import views as core_views

admin.site.site_header = "vetplan 管理后台"
admin.site.site_title = "vetplan"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("vetplan.plans.urls")),
    path("", include("vetplan.orgs.urls")),
    path("", include("vetplan.reports.urls")),
    path("", include("vetplan.supervision.urls")),
    path("", include("vetplan.indicators.urls")),
    path("", include("vetplan.jobs.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

handler403 = "vetplan.core.views.permission_denied"
