"""``{% icon "face-good" %}``: an icon from Tending's own sprite (tools/icons.py).

Icons are decoration beside words that say the same, so they are hidden from screen
readers; an icon that stands alone needs a visually hidden label next to it.
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def icon(name: str, extra_class: str = "") -> str:
    classes = f"icon {extra_class}".strip()
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        classes,
        static("tending/icons.svg"),
        name,
    )
