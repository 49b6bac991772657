from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from vetplan.mechanisms.models import ParameterVersion, SchoolCategory


@admin.register(ParameterVersion)
class ParameterVersionAdmin(SimpleHistoryAdmin):
    list_display = ["label", "name", "since", "value", "source", "changed_by", "changed_at"]
    list_filter = ["name"]
    search_fields = ["name", "label", "source"]


@admin.register(SchoolCategory)
class SchoolCategoryAdmin(SimpleHistoryAdmin):
    list_display = ["school", "kind", "tuition_fee"]
    list_filter = ["kind"]
