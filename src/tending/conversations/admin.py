from django.contrib import admin

from tending.conversations.models import Conversation


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    """Operators see that conversations happened, never the couple's notes."""

    list_display = ["couple", "kind", "status", "local_date"]
    fields = ["couple", "kind", "status", "local_date", "created_at", "completed_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
