"""``{% icon "face-good" %}``: an icon from Tending's own sprite (tools/icons.py).

Icons are decoration beside words that say the same, so they are hidden from screen
readers; an icon that stands alone needs a visually hidden label next to it.
"""

import functools

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def icon(name: str, extra_class: str = "") -> SafeString:
    return _icon(str(name), str(extra_class))


@functools.lru_cache(maxsize=512)
def _icon(name: str, extra_class: str) -> SafeString:
    """The markup of one icon: the same on every page, so made once per process."""
    classes = f"icon {extra_class}".strip()
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        classes,
        static("tending/icons.svg"),
        name,
    )


@receiver(setting_changed)
def _forget_icons(*, setting, **kwargs) -> None:
    if setting in {"STATIC_URL", "STORAGES", "FORCE_SCRIPT_NAME"}:
        _icon.cache_clear()
