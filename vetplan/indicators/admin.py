from __future__ import annotations

from django.contrib import admin

from vetplan.indicators.models import DataElement, DataValue, Indicator, TargetReport


@admin.register(DataElement)
class DataElementAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "dataset", "integer", "max_value"]
    list_filter = ["dataset"]
    search_fields = ["code", "name"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "numerator", "denominator", "factor", "unit", "direction"]
    search_fields = ["code", "name"]


@admin.register(DataValue)
class DataValueAdmin(admin.ModelAdmin):
    # Read-only here: values change through the form, Excel or the API, which refresh the figures.
    list_display = ["organization", "element", "year", "value", "source", "entered_by", "entered_at"]
    list_filter = ["year", "source", "element__dataset"]
    list_select_related = ["organization", "element", "entered_by"]
    search_fields = ["organization__name", "element__code"]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(TargetReport)
class TargetReportAdmin(admin.ModelAdmin):
    list_display = ["target", "year", "value", "reported_by", "reported_at"]
    list_select_related = ["target", "reported_by"]
