from django.contrib import admin

from tending.practices.models import Conversation, PracticeLog, Ritual


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    """Operators see that conversations happened, never the couple's notes."""

    list_display = ["couple", "kind", "status", "local_date"]
    fields = ["couple", "kind", "status", "local_date", "created_at", "completed_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(PracticeLog)
class PracticeLogAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "local_date"]
    fields = ["user", "kind", "local_date", "completed_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(Ritual)
class RitualAdmin(admin.ModelAdmin):
    list_display = ["couple", "rhythm", "created_at"]
    fields = ["couple", "rhythm", "times_per_period", "created_at", "stopped_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
