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
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(template_name="registration/password_change.html"),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="registration/password_changed.html"),
        name="password_change_done",
    ),
    path("", include("vetplan.plans.urls")),
    path("", include("vetplan.orgs.urls")),
    path("", include("vetplan.reports.urls")),
    path("", include("vetplan.supervision.urls")),
    path("", include("vetplan.indicators.urls")),
    path("", include("vetplan.registries.urls")),
    path("", include("vetplan.mechanisms.urls")),
    path("", include("vetplan.workbench.urls")),
    path("", include("vetplan.jobs.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

handler403 = "vetplan.core.views.permission_denied"
