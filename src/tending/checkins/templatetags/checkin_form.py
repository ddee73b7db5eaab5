"""The check-in form's inputs, written in one pass each.

The form holds well over a hundred inputs (four scales, hours of sleep, the feelings wheel,
what would help, sharing). Through Django's widget templates and nested template loops they
took most of the page's time; written here they take a small fraction of it. The markup is
the one the widgets write: the same ids, ``required`` on the scales, ``aria-invalid`` (and
``aria-describedby`` pointing at the message, outside a fieldset) on a field with errors,
and what the person ticked, chose or typed kept as they left it.
"""

import functools

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from tending.checkins.feelings import EMOTION_WORDS
from tending.core.templatetags.icons import icon

register = template.Library()

CHECKED = " checked"
INVALID = ' aria-invalid="true"'

# The wheel's words never change: each chip is written once, ticked and not.
EMOTION_CHIPS: dict[str, tuple[SafeString, SafeString]] = {
    word: (
        format_html(
            '<label class="chip-option"><input type="checkbox" name="emotions" value="{}">'
            "<span>{}</span></label>",
            word,
            word,
        ),
        format_html(
            '<label class="chip-option"><input type="checkbox" name="emotions" value="{}"'
            " checked><span>{}</span></label>",
            word,
            word,
        ),
    )
    for word in EMOTION_WORDS
}


def _chosen(bound_field) -> set[str]:
    """The values shown as chosen, compared as text as Django's choice widgets do."""
    value = bound_field.value()
    values = value if isinstance(value, list | tuple) else [value]
    return {"" if item is None else str(item) for item in values}


def _problem(bound_field, *, described: bool) -> str:
    """``aria-invalid`` for a field with errors, and outside a fieldset where to read why."""
    if not bound_field.errors:
        return ""
    if not described:
        return INVALID
    return INVALID + format_html(' aria-describedby="{}_error"', bound_field.auto_id)


@functools.cache
def _scale_options(scale, name: str, auto_id: str) -> tuple[tuple[str, str, str], ...]:
    """Each choice of a scale as its value and its markup before and after its state."""
    return tuple(
        (
            str(value),
            format_html(
                '<label class="scale__option tone-{}"><input type="radio" name="{}" value="{}" '
                'id="{}_{}" required',
                scale.tone(value),
                name,
                value,
                auto_id,
                index,
            ),
            format_html(
                '><span>{}<span class="scale__label">{}</span></span></label>',
                icon(scale.icon(value), "scale__icon"),
                scale.label(value),
            ),
        )
        for index, value in enumerate(range(1, 6))
    )


@functools.cache
def _checkbox_options(name: str, auto_id: str, choices) -> tuple[tuple[str, str, str], ...]:
    return tuple(
        (
            str(value),
            format_html(
                '<label class="chip-option"><input type="checkbox" name="{}" value="{}" id="{}_{}"',
                name,
                value,
                auto_id,
                index,
            ),
            format_html("><span>{}</span></label>", label),
        )
        for index, (value, label) in enumerate(choices)
    )


@functools.cache
def _select_options(choices) -> tuple[tuple[str, str, str], ...]:
    return tuple(
        (str(value), format_html('<option value="{}"', value), format_html(">{}</option>", label))
        for value, label in choices
    )


def _with_state(options, chosen: set[str], problem: str, checked: str) -> str:
    return "\n".join(
        f"{before}{problem}{checked if value in chosen else ''}{after}"
        for value, before, after in options
    )


@register.simple_tag
def scale_choices(field, scale) -> SafeString:
    """One scale's five large choices: a radio, an icon and a word in each label."""
    options = _scale_options(scale, field.html_name, field.auto_id)
    return mark_safe(
        _with_state(options, _chosen(field), _problem(field, described=False), CHECKED)
    )


@register.simple_tag
def select_input(field) -> SafeString:
    options = _select_options(tuple(field.field.choices))
    chosen = _chosen(field)
    # Like Django's select, only the first matching option is selected.
    first = next((value for value, _, _ in options if value in chosen), None)
    return format_html(
        '<select name="{}"{} id="{}">\n{}\n</select>',
        field.html_name,
        mark_safe(_problem(field, described=True)),
        field.auto_id,
        mark_safe(_with_state(options, {first}, "", " selected")),
    )


@register.simple_tag
def checkbox_choices(field) -> SafeString:
    """Chips for a choice of several: a checkbox and its words in each label."""
    options = _checkbox_options(field.html_name, field.auto_id, tuple(field.field.choices))
    return mark_safe(
        _with_state(options, _chosen(field), _problem(field, described=False), CHECKED)
    )


@register.simple_tag
def emotion_chips(words) -> SafeString:
    """The chips of one core feeling from ``(word, ticked)`` pairs."""
    return mark_safe("\n".join(EMOTION_CHIPS[word][checked] for word, checked in words))


@register.simple_tag
def checkbox_input(field) -> SafeString:
    """A yes-or-no checkbox, ticked when its value is."""
    value = field.value()
    ticked = not (value is False or value is None or value == "")
    return format_html(
        '<input type="checkbox" name="{}"{} id="{}"{}>',
        field.html_name,
        mark_safe(_problem(field, described=True)),
        field.auto_id,
        CHECKED if ticked else "",
    )


@register.simple_tag
def textarea_input(field) -> SafeString:
    """A text area with what was typed, its size and limit, and its problem, if any."""
    value = field.value()
    size = field.field.widget.attrs
    return format_html(
        '<textarea name="{}" cols="{}" rows="{}" maxlength="{}"{} id="{}">\n{}</textarea>',
        field.html_name,
        size["cols"],
        size["rows"],
        field.field.max_length,
        mark_safe(_problem(field, described=True)),
        field.auto_id,
        "" if value is None or value == "" else str(value),
    )
