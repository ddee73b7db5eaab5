"""Who may load which invitation, for views and API routes."""

from django.http import Http404

from tending.couples.models import Invite


def own_invite(user, invite_id: int) -> Invite:
    """One of the person's own invitations, or 404."""
    invite = Invite.objects.filter(pk=invite_id, inviter=user).first()
    if invite is None:
        raise Http404("No such invitation")
    return invite
