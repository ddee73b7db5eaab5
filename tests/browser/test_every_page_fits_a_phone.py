"""Every page a person can reach fits a phone's width, down to 320 px, light or dark:
nothing scrolls sideways, whatever people wrote and however long a label is."""

import pytest

from tests.support.walk import a_lived_in_couple, pages_for_visitors

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}}
NARROW = {"viewport": {"width": 320, "height": 640}}
LONGEST_LABEL = "Überwältigt-und-erschöpft-vom-Alltag"


def too_wide(visitor, paths: list[str], width: int) -> dict[str, int]:
    found = {}
    for path in paths:
        visitor.go(path)
        if visitor.page_width() > width:
            found[path] = visitor.page_width()
    return found


@pytest.mark.parametrize(
    ("screen", "color_scheme"), [(NARROW, "light"), (PHONE, "dark")], ids=["320-light", "390-dark"]
)
def test_every_page_fits_a_phone(visit, alice, bob, charlie, screen, color_scheme):
    width = screen["viewport"]["width"]
    visitors_pages = pages_for_visitors(charlie, alice)
    paths = a_lived_in_couple(alice, bob)
    stranger = visit(phone=True, color_scheme=color_scheme, **screen)
    assert too_wide(stranger, visitors_pages, width) == {}, f"wider than {width}px"
    phone = visit(phone=True, color_scheme=color_scheme, timezone_id="Europe/London", **screen)
    phone.log_in_as(alice)
    assert too_wide(phone, paths, width) == {}, f"wider than {width}px"
    phone.go("/")
    phone.open_more_menu()
    assert phone.page_width() <= width


def test_the_check_in_fits_320_px_with_labels_in_any_language(visit, alice):
    phone = visit(phone=True, **NARROW)
    phone.log_in_as(alice)
    phone.go("/check-in/")
    phone.page.evaluate(
        """(word) => document.querySelectorAll(".scale__label, .site-nav__label, legend")
             .forEach((label) => { label.textContent = word; })""",
        LONGEST_LABEL,
    )
    assert phone.page_width() <= 320
    boxes = phone.page.locator(".scale__option").evaluate_all(
        "options => options.map(o => o.getBoundingClientRect().right)"
    )
    assert max(boxes) <= 320
