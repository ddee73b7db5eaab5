from django.conf import settings
from django.utils.translation.trans_real import parse_accept_lang_header

from tending.safety.crisis_lines import CountryLines, Directory, load_directory


def directory() -> Directory:
    return load_directory(settings.CRISIS_LINES_FILE)


def country_from_accept_language(header: str) -> str:
    """A region hint such as ``en-GB`` → ``GB``; empty when the browser gives none."""
    for language, _ in parse_accept_lang_header(header or ""):
        if "-" in language:
            region = language.split("-")[-1]
            if len(region) == 2 and region.isalpha():
                return region.upper()
    return ""


def help_country(*, requested: str, user, accept_language: str) -> str:
    """The country whose lines come first: chosen on the page, in the profile, or guessed."""
    if requested:
        return requested.upper()
    if user.is_authenticated and user.country:
        return str(user.country.code)
    return country_from_accept_language(accept_language)


def lines_for(country_code: str) -> tuple[CountryLines | None, list[CountryLines]]:
    return directory().ordered_for(country_code)
