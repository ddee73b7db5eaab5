"""The person's invitations and pairings, for their export. Pairings are not restored:
a partner is invited again."""

from tending.core.exports import Table
from tending.couples.models import Invite, Membership

INVITE_COLUMNS = {
    "created_at": "When you created the invitation link (UTC).",
    "expires_at": "When the link stopped or stops working (UTC).",
    "revoked_at": "When you withdrew it, if you did (UTC).",
    "accepted_at": "When someone accepted it, if anyone did (UTC).",
}
PAIRING_COLUMNS = {
    "started_at": "When the pairing began (UTC).",
    "ended_at": "When it ended, if it has (UTC).",
    "active": "Whether you are still paired in it.",
}


def export_tables(user) -> list[Table]:
    invites = Invite.objects.filter(inviter=user).order_by("created_at")
    memberships = (
        Membership.objects.filter(user=user).select_related("couple").order_by("joined_at")
    )
    return [
        Table(
            "invites",
            "Invitation links you created. Who accepted one is not included: that person's "
            "identity is theirs.",
            INVITE_COLUMNS,
            [
                {
                    "created_at": invite.created_at,
                    "expires_at": invite.expires_at,
                    "revoked_at": invite.revoked_at,
                    "accepted_at": invite.accepted_at,
                }
                for invite in invites
            ],
        ),
        Table(
            "pairings",
            "The times you were paired with someone, without who they were.",
            PAIRING_COLUMNS,
            [
                {
                    "started_at": membership.couple.started_at,
                    "ended_at": membership.couple.ended_at,
                    "active": membership.active,
                }
                for membership in memberships
            ],
        ),
    ]
