"""The main navigation: a few sections in view, the rest under More, Get help always there."""

import re

import pytest
from django.urls import reverse

from tests.support.people import client_for

PRIMARY = ("Home", "Check in", "Practices", "Coach")
UNDER_MORE = (
    "History",
    "Insights",
    "Learn",
    "Assessments",
    "Partner",
    "Reports",
    "Your data",
    "Profile",
)


def plain(html: str) -> str:
    """The markup without its decorative icons and label wrappers, to read labels by."""
    return re.sub(r"<svg\b.*?</svg>|</?span\b[^>]*>", "", html)


def nav_of(html: str) -> str:
    html = plain(html)
    return html[html.index('<nav class="site-nav"') : html.index("</nav>")]


def more_of(html: str) -> str:
    nav = nav_of(html)
    return nav[nav.index('<details class="more-menu">') :]


def current_labels(html: str) -> list[str]:
    return re.findall(r'aria-current="page">([^<]+)</a>', nav_of(html))


def test_the_main_sections_are_in_view_and_the_rest_under_more(alice):
    html = client_for(alice).get(reverse("home:index")).content.decode()
    nav = nav_of(html)
    before_more = nav[: nav.index('<details class="more-menu">')]
    for label in PRIMARY:
        assert f">{label}</a>" in before_more
    for label in UNDER_MORE:
        assert f">{label}</a>" in more_of(html)
    assert current_labels(html) == ["Home"]


@pytest.mark.parametrize(
    ("url_name", "current", "more_is_current"),
    [
        ("checkins:checkin", "Check in", False),
        ("checkins:history", "History", True),
        ("practices:index", "Practices", False),
        ("coach:messages", "Coach", False),
        ("insights:week", "Insights", True),
        ("assessments:schedule", "Assessments", True),
        ("api:tokens", "Profile", True),
        ("yourdata:index", "Your data", True),
    ],
)
def test_the_current_section_is_marked(alice, url_name, current, more_is_current):
    html = client_for(alice).get(reverse(url_name)).content.decode()
    assert current_labels(html) == [current]
    assert ('<summary class="is-current">More</summary>' in plain(html)) is more_is_current


@pytest.mark.parametrize("logged_in", [True, False])
def test_get_help_is_in_the_header_and_marked_on_its_own_pages(alice, logged_in):
    client = client_for(alice if logged_in else None)
    home = plain(client.get(reverse("home:index")).content.decode())
    header = home[home.index("<header") : home.index("</header>")]
    assert '<a class="get-help" href="/help/">Get help</a>' in header
    assert ('<nav class="site-nav"' in home) is logged_in
    help_page = client.get(reverse("safety:plan" if logged_in else "safety:get_help"))
    assert 'class="get-help" href="/help/" aria-current="page"' in help_page.content.decode()


def test_logged_out_pages_offer_log_in_and_sign_up(client):
    page = client.get(reverse("safety:get_help")).content.decode()
    assert f'href="{reverse("accounts:login")}"' in page
    assert f'href="{reverse("accounts:signup")}"' in page


def test_the_marked_section_follows_the_person_from_page_to_page(alice):
    """The header is rendered once and reused; each page still marks its own section."""
    client = client_for(alice)
    for url_name, current in [
        ("home:index", "Home"),
        ("checkins:history", "History"),
        ("home:index", "Home"),
        ("practices:index", "Practices"),
        ("checkins:history", "History"),
    ]:
        assert current_labels(client.get(reverse(url_name)).content.decode()) == [current]


def test_a_visitor_after_a_logged_in_person_gets_no_navigation(alice):
    client_for(alice).get(reverse("safety:get_help"))
    page = client_for(None).get(reverse("safety:get_help")).content.decode()
    assert '<nav class="site-nav"' not in page
    assert 'class="has-tab-bar"' not in page
