from tending.couples.selectors import active_couple_for
from tending.learn.articles import get_article
from tending.learn.models import REFLECTION_MAX_LENGTH, Reflection


class LearnError(Exception):
    """A reflection that cannot be saved; the message is shown to the person."""


def add_reflection(*, user, slug: str, text: str) -> Reflection:
    """Save a reflection, shared with the partner the author has now, if any."""
    try:
        get_article(slug)
    except KeyError:
        raise LearnError("That article does not exist.") from None
    text = (text or "").strip()
    if not text:
        raise LearnError("Please write your reflection first.")
    if len(text) > REFLECTION_MAX_LENGTH:
        raise LearnError(
            f"That is a little long: please keep it under {REFLECTION_MAX_LENGTH:,} characters."
        )
    return Reflection.objects.create(
        article_slug=slug, author=user, couple=active_couple_for(user), text=text
    )
