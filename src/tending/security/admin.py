from django.contrib import admin

from tending.security.models import SecurityEvent


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    """Operators see what happened and when; events hold no words anyone wrote."""

    list_display = ["created_at", "user", "kind", "browser", "system"]
    list_filter = ["kind"]
    fields = ["created_at", "user", "kind", "browser", "system", "details"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
