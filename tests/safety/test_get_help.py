import os
import re

import pytest
from django.urls import reverse

from tending.safety.crisis_lines import DEFAULT_PATH
from tending.safety.selectors import directory
from tests.support.people import client_for

URL = reverse("safety:get_help")
HEADER_LINK = re.compile(
    rf'<a class="get-help" href="{URL}"( aria-current="page")?>(<svg [^>]*>.*?</svg>)?Get help</a>'
)


def own_section(page: str) -> str:
    """The part of the page above the country picker: the person's own country's lines."""
    return page[: page.index('class="country-picker"')]


@pytest.mark.django_db
def test_the_page_is_open_without_logging_in():
    response = client_for(None).get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Get help now" in page
    assert "If you or someone else is in danger right now" in page


@pytest.mark.parametrize(
    "name, logged_in",
    [
        ("home:index", False),
        ("accounts:login", False),
        ("accounts:signup", False),
        ("accounts:password_reset", False),
        ("safety:get_help", False),
        ("home:index", True),
        ("checkins:checkin", True),
        ("checkins:history", True),
        ("couples:partner", True),
        ("accounts:profile", True),
    ],
)
def test_every_page_has_get_help_in_its_header(alice, name, logged_in):
    client = client_for(alice if logged_in else None)
    page = client.get(reverse(name)).content.decode()
    header = page[page.index("<header") : page.index("</header>")]
    assert HEADER_LINK.search(header)


def test_the_not_found_page_has_get_help_too(alice):
    response = client_for(None).get("/no-such-page/")
    assert response.status_code == 404
    assert HEADER_LINK.search(response.content.decode())


def test_the_profiles_country_comes_first(alice):
    page = client_for(alice).get(URL).content.decode()
    top = own_section(page)
    assert "Crisis lines in United Kingdom" in top
    assert "Samaritans" in top
    assert "the emergency number in United Kingdom" in top
    assert "988 Suicide &amp; Crisis Lifeline" not in top
    assert page.index("Samaritans") < page.index("988 Suicide &amp; Crisis Lifeline")
    assert page.index("Samaritans") < page.index("Lifeline Aotearoa")


def test_a_country_chosen_on_the_page_comes_first(alice):
    top = own_section(client_for(alice).get(URL, {"country": "US"}).content.decode())
    assert "Crisis lines in United States" in top
    assert "Call 988" in top
    assert 'href="tel:988"' in top
    assert "Samaritans" not in top


def test_an_anonymous_visitors_browser_language_suggests_the_country(db):
    page = client_for(None).get(URL, headers={"accept-language": "en-AU,en;q=0.8"})
    top = own_section(page.content.decode())
    assert "Crisis lines in Australia" in top
    assert "Lifeline" in top


@pytest.mark.django_db
def test_an_unknown_country_still_shows_the_international_directory():
    page = client_for(None).get(URL, {"country": "ZZ"}).content.decode()
    assert "Crisis lines in" not in page
    assert "Call your local emergency number" in page
    assert "Anywhere in the world" in page
    assert 'href="https://findahelpline.com"' in page
    assert "Samaritans" in page


@pytest.mark.django_db
def test_no_country_at_all_still_shows_every_country():
    page = client_for(None).get(URL).content.decode()
    for country in directory().countries:
        assert country.name in page


@pytest.mark.django_db
def test_every_line_shows_its_source():
    page = client_for(None).get(URL).content.decode()
    lines = re.findall(r'<li class="line">.*?</li>', page, flags=re.S)
    assert len(lines) == sum(len(country.lines) for country in directory().countries)
    for line in lines:
        assert re.search(r'Source: <a href="https://[^"]+"', line), line


@pytest.mark.django_db
def test_each_chosen_country_shows_its_own_lines_one_after_another():
    """The directory is rendered once per country and kept; the kept copies never mix."""
    client = client_for(None)
    for code, name, absent in [
        ("US", "United States", "Crisis lines in United Kingdom"),
        ("GB", "United Kingdom", "Crisis lines in United States"),
        ("US", "United States", "Crisis lines in United Kingdom"),
        ("ZZ", None, "Crisis lines in"),
    ]:
        page = client.get(URL, {"country": code}).content.decode()
        top = own_section(page)
        if name:
            assert f"Crisis lines in {name}" in top
            assert f'<option value="{code}" selected>' in page
        assert absent not in top


@pytest.mark.django_db
def test_an_operators_corrected_crisis_line_file_shows_at_once(tmp_path, settings):
    path = tmp_path / "lines.toml"
    path.write_text(DEFAULT_PATH.read_text())
    settings.CRISIS_LINES_FILE = str(path)
    client = client_for(None)
    assert "Samaritans" in own_section(client.get(URL, {"country": "GB"}).content.decode())

    path.write_text(DEFAULT_PATH.read_text().replace('"Samaritans"', '"Samaritans Cymru"'))
    later = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))
    top = own_section(client.get(URL, {"country": "GB"}).content.decode())
    assert "Samaritans Cymru" in top
