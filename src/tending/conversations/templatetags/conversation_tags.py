from django import template

from tending.conversations.forms import duration_label

register = template.Library()


@register.filter
def clock(seconds) -> str:
    """Seconds as a countdown reading, e.g. 605 -> "10:05"."""
    if seconds is None:
        return ""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


@register.filter
def turn_length(seconds) -> str:
    """Seconds as words, e.g. 600 -> "10 minutes"."""
    return duration_label(int(seconds))
