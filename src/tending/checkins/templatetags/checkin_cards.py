"""``{% checkin_card view %}``: one check-in as a card, as one viewer may see it.

History shows a page of these and home one or two. Written here in one pass, a card takes
a fraction of the time the same markup took through nested template loops, which made up
most of the history page's time. Dates and times are formatted by the template filters
themselves, in the person's language and time zone, so the card reads as it did.
"""

import functools
import html

from django import template
from django.template.defaultfilters import date, floatformat, linebreaksbr, time
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.timezone import template_localtime

from tending.core.templatetags.icons import icon

register = template.Library()


def _e(value) -> str:
    """Escaped as the template engine escapes, without its cost per value."""
    return value if isinstance(value, SafeData) else html.escape(str(value))


@functools.lru_cache(maxsize=64)
def _reading(reading, icon_markup: str) -> str:
    """One answer's markup: the same for everyone who gave it (a scale and a value, never
    a person), so written once per process."""
    return (
        f'<div class="reading reading--{_e(reading.key)} tone-{_e(reading.tone)}">\n'
        f"<dt>{_e(reading.name)}</dt>\n<dd>{icon_markup}{_e(reading.label)} "
        f'<span class="visually-hidden">({_e(reading.value)} of 5)</span></dd>\n</div>'
    )


def _readings(view) -> str:
    rows = "\n".join(_reading(r, icon(r.icon, "reading__icon")) for r in view.scales)
    if view.sleep_hours is not None:
        hours = _e(floatformat(view.sleep_hours, "-1"))
        rows += f'\n<div class="reading"><dt>Sleep</dt><dd>{hours} h</dd></div>'
    return f'<dl class="readings">\n{rows}\n</dl>'


def _chips(label: str, words, *, extra_class: str = "") -> str:
    chips = "".join(f'<span class="chip{extra_class}">{_e(word)}</span>' for word in words)
    return f'<span class="label">{label}</span> {chips}'


def _responses(view) -> str:
    items = "\n".join(
        f"<li><strong>{_e(response.responder.display_name)}:</strong> {_e(response.text)} "
        f'<time datetime="{_e(date(template_localtime(response.created_at), "c"))}">'
        f"{_e(time(template_localtime(response.created_at), 'H:i'))}</time></li>"
        for response in view.responses
    )
    return f'<div class="responses">\n<p class="label">Responses</p>\n<ul>\n{items}\n</ul>\n</div>'


@register.simple_tag
def checkin_card(view) -> SafeString:
    return mark_safe(_card(view, date(view.local_date, "l j F")))


def _card(view, day: str) -> str:
    """The card of ``view``, whose day reads ``day``."""
    owner = "Your check-in" if view.is_mine else f"{_e(view.owner_name)}'s check-in"
    parts = [f'<article class="checkin" aria-label="{owner}, {_e(day)}">']
    if view.scales:
        parts.append(_readings(view))
    if view.emotions:
        parts.append(f'<p class="emotions">{_chips("Feeling", view.emotions)}</p>')
    if view.need_labels:
        chips = _chips("What would help", view.need_labels, extra_class=" chip--need")
        parts.append(f'<p class="needs">{chips}</p>')
    if view.note:
        parts.append(
            f'<blockquote class="note">{linebreaksbr(view.note, autoescape=True)}</blockquote>'
        )
    if view.is_mine:
        parts.append(f'<p class="sharing">Shared with your partner: {_e(view.shared_summary)}.</p>')
        if view.responses:
            parts.append(_responses(view))
    parts.append("</article>")
    return "\n".join(parts)


@register.simple_tag
def history_days(views) -> SafeString:
    """History's check-ins, each day under its heading, each card under whose it is."""
    parts = []
    shown_day = None
    for view in views:
        heading = ""
        if view.local_date != shown_day:
            shown_day = view.local_date
            day = date(shown_day, "l j F")
            heading = f'<h3 class="day-heading">{_e(date(shown_day, "l j F Y"))}</h3>'
        owner = "You" if view.is_mine else _e(view.owner_name)
        parts.append(
            f'\n  {heading}\n  <section class="card card--compact">\n'
            f'    <h4 class="card__owner">{owner}</h4>\n'
            f"    {_card(view, day)}\n  </section>\n"
        )
    return mark_safe("".join(parts))
