from __future__ import annotations

from django.urls import path

from vetplan.mechanisms.views import aid, conditions, credit, funding, index, internships, params, teachers

app_name = "mechanisms"

urlpatterns = [
    path("policy/", index.index, name="index"),
    path("policy/parameters/", params.parameter_list, name="parameters"),
    path("policy/parameters/<str:name>/", params.parameter_edit, name="parameter_edit"),
    path("policy/conditions/", conditions.conditions, name="conditions"),
    path("policy/conditions/export.xlsx", conditions.conditions_export, name="conditions_export"),
    path("policy/conditions/school/<int:org_pk>/", conditions.set_kind, name="conditions_kind"),
    path("policy/conditions/recompute/", conditions.recompute, name="conditions_recompute"),
    path("policy/teachers/", teachers.teachers, name="teachers"),
    path("policy/teachers/practice.xlsx", teachers.teachers_export, name="teachers_export"),
    path("policy/credit/", credit.credit, name="credit"),
    path("policy/credit/<int:pk>/", credit.statement, name="credit_statement"),
    path("policy/credit/<int:pk>/statement.docx", credit.statement_docx, name="credit_docx"),
    path("policy/credit/<int:pk>/enter/", credit.enter, name="credit_enter"),
    path("policy/credit/year/<int:pk>/check/", credit.check, name="credit_check"),
    path("policy/internships/", internships.internships, name="internships"),
    path("policy/internships/export.xlsx", internships.internships_export, name="internships_export"),
    path("policy/funding/", funding.funding, name="funding"),
    path("policy/funding/new/", funding.distribution_edit, name="distribution_edit"),
    path("policy/funding/<int:pk>/", funding.distribution, name="distribution"),
    path("policy/funding/<int:pk>/edit/", funding.distribution_edit, name="distribution_edit"),
    path("policy/funding/<int:pk>/export.xlsx", funding.distribution_export, name="distribution_export"),
    path("policy/aid/", aid.aid, name="aid"),
    path("policy/aid/generate/", aid.generate, name="aid_generate"),
    path("policy/aid/<int:pk>/", aid.roster, name="aid_roster"),
    path("policy/aid/<int:pk>/export.xlsx", aid.roster_export, name="aid_export"),
    path("policy/aid/award/<int:pk>/", aid.award, name="aid_award"),
]
