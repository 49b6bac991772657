from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from vetplan.orgs.models import Membership, Organization, Region


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "level", "parent"]
    search_fields = ["code", "name"]
    list_filter = ["level"]


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "type", "region", "parent"]
    search_fields = ["name", "short_name"]
    list_filter = ["type", "region"]
    list_select_related = ["region", "parent"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organization", "role"]
    list_filter = ["role"]
    list_select_related = ["user", "organization"]
