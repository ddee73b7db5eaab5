from django.db.models import Q

from tending.couples.selectors import active_couple_for
from tending.learn.models import Reflection


def reflections_for(viewer, slug: str, *, couple=None) -> list[Reflection]:
    """The viewer's own reflections, and their current partner's from this pairing only."""
    couple = couple if couple is not None else active_couple_for(viewer)
    visible = Q(author=viewer)
    if couple is not None:
        visible |= Q(couple=couple)
    return list(
        Reflection.objects.filter(visible, article_slug=slug)
        .select_related("author")
        .order_by("created_at")
    )
