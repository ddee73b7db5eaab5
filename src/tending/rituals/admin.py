from django.contrib import admin

from tending.rituals.models import Ritual


@admin.register(Ritual)
class RitualAdmin(admin.ModelAdmin):
    list_display = ["couple", "rhythm", "created_at"]
    fields = ["couple", "rhythm", "times_per_period", "created_at", "stopped_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
