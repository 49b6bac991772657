from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from vetplan.api.api import api
from vetplan.workbench import views as workbench_views

admin.site.site_header = "vetplan 管理后台"
admin.site.site_title = "vetplan"

urlpatterns = [
    path("", workbench_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("vetplan.plans.urls")),
    path("", include("vetplan.orgs.urls")),
    path("", include("vetplan.reports.urls")),
    path("", include("vetplan.supervision.urls")),
    path("", include("vetplan.indicators.urls")),
    path("", include("vetplan.workbench.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

handler403 = "vetplan.core.views.permission_denied"
