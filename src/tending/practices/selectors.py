"""Reads for the practice log every completed practice is written to."""

from tending.practices.models import PracticeLog


def practice_history(viewer, limit: int = 60) -> list[PracticeLog]:
    """The viewer's own completed practices, newest first."""
    return list(
        PracticeLog.objects.filter(user=viewer)
        .select_related("conversation")
        .order_by("-completed_at")[:limit]
    )
