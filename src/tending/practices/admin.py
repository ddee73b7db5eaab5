from django.contrib import admin

from tending.practices.models import PracticeLog


@admin.register(PracticeLog)
class PracticeLogAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "local_date"]
    fields = ["user", "kind", "local_date", "completed_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
