"""Every icon Tending names is in its own sprite, with the licence of the set beside it."""

import re
from pathlib import Path

from django.template import Context, Template

from tending.checkins.feelings import SCALES
from tending.core.context_processors import MORE_SECTIONS, PRIMARY_SECTIONS

SRC = Path(__file__).resolve().parents[2] / "src" / "tending"
STATIC = SRC / "core" / "static" / "tending"


def sprite_ids() -> set[str]:
    return set(re.findall(r'<symbol id="([\w-]+)"', (STATIC / "icons.svg").read_text()))


def test_every_icon_named_in_code_and_templates_is_in_the_sprite():
    named = {icon for scale in SCALES for icon in scale.icons}
    named |= {section.icon for section in (*PRIMARY_SECTIONS, *MORE_SECTIONS)}
    for template in SRC.rglob("*.html"):
        named |= set(re.findall(r'{% icon "([\w-]+)"', template.read_text()))
    assert named - sprite_ids() == set()


def test_the_sprite_is_served_with_its_licence_and_no_style():
    sprite = (STATIC / "icons.svg").read_text()
    assert "Lucide" in sprite and "style=" not in sprite
    assert "ISC License" in (STATIC / "icons-LICENSE.txt").read_text()


def test_an_icon_is_hidden_from_screen_readers_and_uses_the_sprite():
    html = Template('{% load icons %}{% icon "tab-home" "big" %}').render(Context())
    assert html.startswith('<svg class="icon big" aria-hidden="true" focusable="false">')
    assert re.search(r'<use href="/static/tending/icons[.\w]*\.svg#tab-home"></use>', html)
