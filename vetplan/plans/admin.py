from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from vetplan.plans.models import Plan, Target, Task


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "doc_number", "region", "issued_on"]
    search_fields = ["title", "doc_number"]
    list_select_related = ["region"]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["indicator_text", "comparator", "value", "unit", "deadline_year", "plan"]
    list_filter = ["kind", "deadline_year"]
    search_fields = ["indicator_text"]
    list_select_related = ["plan"]


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ["seq", "text", "status", "deadline", "recurrence", "plan"]
    list_filter = ["status", "recurrence"]
    search_fields = ["text", "seq"]
    filter_horizontal = ["lead_units", "responsible_units", "targets"]
    list_select_related = ["plan"]
    # 已完成 comes only from an accepted closing report (申请办结), also for the admin.
    readonly_fields = ["status"]
