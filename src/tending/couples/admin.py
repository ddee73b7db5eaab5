from django.contrib import admin

from tending.couples.models import Couple, Invite, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    readonly_fields = ["user", "joined_at", "active"]
    can_delete = False


@admin.register(Couple)
class CoupleAdmin(admin.ModelAdmin):
    list_display = ["id", "started_at", "ended_at"]
    inlines = [MembershipInline]


@admin.register(Invite)
class InviteAdmin(admin.ModelAdmin):
    list_display = ["inviter", "created_at", "expires_at", "accepted_at", "revoked_at"]
    exclude = ["token"]
    readonly_fields = ["inviter", "accepted_by"]
