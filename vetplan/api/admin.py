from __future__ import annotations

from django.contrib import admin

from vetplan.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "user", "name", "created_at", "last_used_at"]
    readonly_fields = ["prefix", "token_hash", "created_at", "last_used_at"]
    search_fields = ["user__username", "name"]

    def has_add_permission(self, request: object) -> bool:
        return False  # the plain token is shown once: create tokens with `vetplan create_api_token`
