from django.contrib import admin

from tending.checkins.models import CheckIn, Response


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    """Operators see that check-ins exist, never what people wrote in them."""

    list_display = ["user", "local_date", "created_at"]
    list_filter = ["local_date"]
    fields = ["user", "local_date", "created_at", "updated_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["responder", "kind", "created_at"]
    fields = ["responder", "kind", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
