"""Tests for the crisis-line directory and its data file."""

import datetime as dt
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tending.safety.crisis_lines import (
    DEFAULT_PATH,
    EMERGENCY_NUMBERS_PATH,
    CrisisLine,
    CrisisLinesError,
    load_directory,
    sms_href,
    tel_href,
)

REFERENCE_EMERGENCY_NUMBERS = {
    "AR": "911 (107 medical)",
    "AT": "112 (144 ambulance)",
    "BE": "112",
    "CH": "112 (144 ambulance)",
    "MX": "911",
    "PH": "911",
    "PT": "112",
    "US": "911",
    "CA": "911",
    "GB": "999 or 112",
    "IE": "112 or 999",
    "AU": "000",
    "NZ": "111",
    "DE": "112",
    "FR": "112 (15 medical)",
    "NL": "112",
    "ES": "112",
    "IT": "112",
    "IN": "112",
    "ZA": "10111 (police), 112 from mobiles",
    "BR": "192 (SAMU)",
    "JP": "119 (ambulance), 110 (police)",
}

REFERENCE_SERVICES = {
    "US": {"988 Suicide & Crisis Lifeline", "Crisis Text Line"},
    "CA": {"9-8-8 Suicide Crisis Helpline"},
    "GB": {"Samaritans", "Shout"},
    "IE": {"Samaritans", "Pieta", "50808 text line"},
    "AU": {"Lifeline", "Suicide Call Back Service"},
    "NZ": {"1737, Need to talk?", "Lifeline Aotearoa"},
    "DE": {"TelefonSeelsorge"},
    "FR": {"3114, numéro national de prévention du suicide", "SOS Amitié"},
    "NL": {"113 Zelfmoordpreventie"},
    "ES": {"024, Línea de atención a la conducta suicida", "Teléfono de la Esperanza"},
    "IT": {"Telefono Amico Italia"},
    "IN": {"Tele-MANAS"},
    "ZA": {"SADAG (South African Depression and Anxiety Group)"},
    "BR": {"CVV, Centro de Valorização da Vida"},
    "JP": {
        "Inochi no Denwa (Federation of Inochi no Denwa)",
        "Inochi no Denwa free line",
        "Yorisoi Hotline",
        "TELL Lifeline (English)",
    },
    "AR": {"Centro de Asistencia al Suicida", "Línea de Salud Mental, Ministerio de Salud"},
    "AT": {"TelefonSeelsorge"},
    "BE": {"Centre de Prévention du Suicide (French)", "Zelfmoordlijn 1813 (Dutch)"},
    "CH": {"Die Dargebotene Hand / La Main Tendue / Telefono Amico"},
    "MX": {"Línea de la Vida"},
    "PH": {"NCMH Crisis Hotline (National Center for Mental Health)"},
    "PT": {"Linha Nacional de Prevenção do Suicídio", "SOS Voz Amiga"},
}

US_SOURCES = {"988lifeline.org", "crisistextline.org"}

VALID_FILE = """
general_advice = "Call the local emergency number."

[[international]]
name = "Find A Helpline"
url = "https://findahelpline.com"

[[countries]]
code = "GB"
name = "United Kingdom"
emergency = "999 or 112"

[[countries.lines]]
name = "Samaritans"
phone = "116 123"
hours = "24/7"
source = "samaritans.org"
source_url = "https://samaritans.org"
checked = "2025-03-14"
"""


@pytest.fixture(scope="module")
def directory():
    return load_directory()


@pytest.mark.parametrize("code, emergency", sorted(REFERENCE_EMERGENCY_NUMBERS.items()))
def test_every_reference_country_is_listed_with_its_emergency_number(directory, code, emergency):
    country = directory.for_country(code)
    assert country is not None
    assert country.emergency == emergency
    assert country.emergency_href is not None


@pytest.mark.parametrize("code, services", sorted(REFERENCE_SERVICES.items()))
def test_every_reference_service_is_listed_under_its_country(directory, code, services):
    assert {line.name for line in directory.for_country(code).lines} == services


def test_no_country_beyond_the_reference_is_invented(directory):
    assert {country.code for country in directory.countries} == set(REFERENCE_EMERGENCY_NUMBERS)
    assert set(REFERENCE_SERVICES) == set(REFERENCE_EMERGENCY_NUMBERS)


def test_reference_details_are_kept(directory):
    lifeline = directory.for_country("US").lines[0]
    assert lifeline.phone == "988"
    assert lifeline.text == "text 988"
    assert lifeline.chat_label == "Chat at 988lifeline.org"
    assert lifeline.chat_url == "https://988lifeline.org"
    assert lifeline.hours == "24/7"
    assert lifeline.source == "988lifeline.org"
    assert lifeline.source_url == "https://988lifeline.org"

    crisis_text_line = directory.for_country("US").lines[1]
    assert crisis_text_line.phone is None
    assert crisis_text_line.text == "text HOME to 741741"

    samaritans = directory.for_country("GB").lines[0]
    assert samaritans.email == "jo@samaritans.org"
    assert samaritans.email_href == "mailto:jo@samaritans.org"

    telefono_amico = directory.for_country("IT").lines[0]
    assert telefono_amico.hours == "daily, 10:00–24:00"


def test_every_line_has_a_source_on_that_host(directory):
    for country in directory.countries:
        for line in country.lines:
            host = line.source.split()[0]
            assert line.source_url.startswith(("https://", "http://")), line
            assert host.removeprefix("www.") in line.source_url, line


def test_every_line_has_a_checked_date(directory):
    lines = [line for country in directory.countries for line in country.lines]
    assert len(lines) >= 36
    assert all(line.checked_date == dt.date(2026, 12, 2) for line in lines)
    assert all(line.is_checked for line in lines)


def test_the_verification_notes_are_applied(directory):
    japan = {line.name: line for line in directory.for_country("JP").lines}
    assert japan["Inochi no Denwa (Federation of Inochi no Denwa)"].hours == "daily, 10:00–22:00"
    assert japan["Inochi no Denwa free line"].phone == "0120-783-556"
    assert "10th of each month" in japan["Inochi no Denwa free line"].hours
    assert japan["Yorisoi Hotline"].phone == "0120-279-338"
    assert japan["TELL Lifeline (English)"].hours == "daily, 9:00–23:00"
    sos_amitie = directory.for_country("FR").lines[1]
    assert sos_amitie.hours == "phone 24/7; chat daily 13:00–03:00"
    ireland_text = directory.for_country("IE").lines[2]
    assert ireland_text.text_href == "sms:50808?&body=TALK"
    assert directory.for_country("MX").lines[0].phone == "800 911 2000"
    assert directory.for_country("CH").lines[0].phone_href == "tel:143"
    south_africa = directory.for_country("ZA").lines[0]
    assert south_africa.phone_href == "tel:0800456789"
    assert "sadag.org" in south_africa.verified_against


def test_a_country_without_lines_still_has_its_emergency_numbers(directory):
    kenya = directory.for_country("KE")
    assert kenya.name == "Kenya"
    assert not kenya.has_lines
    assert kenya.emergency == "112, 999 or 114"
    assert kenya.emergency_href == "tel:112"
    assert directory.for_country("ke") == kenya


def test_every_country_has_emergency_numbers(directory):
    codes = {country.code for country in directory.every_country()}
    assert len(codes) > 230
    assert {"CN", "ID", "PK", "NG", "BD", "RU", "ET", "KE", "CO", "PE", "CL", "AO", "MZ"} <= codes
    assert directory.emergency_numbers.source_url.startswith(
        "https://github.com/google/libphonenumber"
    )


def test_a_listed_countrys_emergency_number_is_one_the_data_knows(directory):
    for country in directory.countries:
        known = set(EMERGENCY_NUMBERS_BY_CODE.get(country.code, ()))
        shown = set(re.findall(r"\d+", country.emergency))
        assert known & shown, country.code


EMERGENCY_NUMBERS_BY_CODE = {
    entry["code"]: entry["numbers"]
    for entry in tomllib.loads(EMERGENCY_NUMBERS_PATH.read_text(encoding="utf-8"))["countries"]
}


def test_the_shipped_emergency_numbers_match_libphonenumber():
    tools = Path(__file__).resolve().parents[2] / "tools" / "emergency_numbers.py"
    result = subprocess.run(
        [sys.executable, str(tools), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_lines_older_than_a_year_need_verifying(directory):
    assert directory.lines_to_verify(dt.date(2026, 12, 2)) == []
    assert directory.lines_to_verify(dt.date(2027, 12, 2)) == []
    stale = directory.lines_to_verify(dt.date(2027, 12, 3))
    assert len(stale) == sum(len(country.lines) for country in directory.countries)


def test_international_directories_and_general_advice(directory):
    urls = {link.name: link.url for link in directory.international}
    assert urls["Find A Helpline"] == "https://findahelpline.com"
    assert urls["International Association for Suicide Prevention"] == "https://iasp.info"
    assert "emergency number" in directory.general_advice


def test_persons_country_comes_first_then_the_others_by_name(directory):
    own, others = directory.ordered_for("NZ")
    assert own.code == "NZ"
    assert own not in others
    names = [country.name for country in others]
    assert names == sorted(names)
    assert len(others) == len(directory.countries) - 1


def test_country_codes_are_matched_regardless_of_case(directory):
    assert directory.for_country("gb").code == "GB"
    assert directory.for_country(" de ").code == "DE"


@pytest.mark.parametrize("code", ["XX", "", None, "GBR"])
def test_unknown_country_gives_none_and_the_whole_directory_is_still_listed(directory, code):
    assert directory.for_country(code) is None
    own, others = directory.ordered_for(code)
    assert own is None
    assert len(others) == len(directory.countries)
    assert directory.international


def test_us_text_short_codes_never_appear_under_another_country(directory):
    us_keyword_links = {
        line.text_href
        for line in directory.for_country("US").lines
        if line.text_href and "body=" in line.text_href
    }
    assert "sms:741741?&body=HOME" in us_keyword_links
    for country in directory.countries:
        if country.code == "US":
            continue
        for line in country.lines:
            assert line.source not in US_SOURCES
            assert "741741" not in (line.text or "")
            assert line.text_href not in us_keyword_links
            assert "988lifeline" not in (line.chat_url or "")


def test_a_person_outside_the_us_sees_only_their_own_countrys_text_services(directory):
    own, _ = directory.ordered_for("GB")
    texts = {line.text_href for line in own.lines if line.text_href}
    assert texts == {"sms:85258?&body=SHOUT"}


@pytest.mark.parametrize(
    "phone, href",
    [
        ("988", "tel:988"),
        ("116 123", "tel:116123"),
        ("13 11 14", "tel:131114"),
        ("0800 111 0 111 / 0800 111 0 222 / 116 123", "tel:08001110111"),
        ("113 or 0800 0113", "tel:113"),
        ("14416 or 1-800-891-4416", "tel:14416"),
        ("0570-783-556", "tel:0570783556"),
        ("+44 116 123", "tel:+44116123"),
        ("112 (15 medical)", "tel:112"),
        ("10111 (police), 112 from mobiles", "tel:10111"),
        ("999 or 112", "tel:999"),
        ("000", "tel:000"),
    ],
)
def test_tel_href_dials_the_first_number(phone, href):
    assert tel_href(phone) == href


@pytest.mark.parametrize("phone", [None, "", "—", "call us", "12", "ask for 116 123"])
def test_tel_href_gives_none_when_no_number_can_be_derived(phone):
    assert tel_href(phone) is None


@pytest.mark.parametrize(
    "text, href",
    [
        ("text HOME to 741741", "sms:741741?&body=HOME"),
        ("text SHOUT to 85258", "sms:85258?&body=SHOUT"),
        ("text HELP to 51444", "sms:51444?&body=HELP"),
        ("text 988", "sms:988"),
        ("Text 1737", "sms:1737"),
        ("text 0477 13 11 14", "sms:0477131114"),
        ("SMS 31393", "sms:31393"),
    ],
)
def test_sms_href_from_published_text_services(text, href):
    assert sms_href(text) == href


@pytest.mark.parametrize(
    "text", [None, "", "email jo@samaritans.org", "text us", "text HOME", "text 12"]
)
def test_sms_href_gives_none_when_it_cannot_be_derived_safely(text):
    assert sms_href(text) is None


def test_line_links_follow_its_fields():
    line = CrisisLine(
        name="Example",
        phone="0800 000 000",
        text="text TALK to 12345",
        hours="24/7",
        source="example.org",
        source_url="https://example.org",
    )
    assert line.phone_href == "tel:0800000000"
    assert line.text_href == "sms:12345?&body=TALK"
    assert line.email_href is None


def test_default_directory_is_cached():
    assert load_directory() is load_directory()
    assert load_directory(DEFAULT_PATH) is load_directory()
    assert load_directory("") is load_directory()


def test_any_path_can_be_loaded(tmp_path):
    path = tmp_path / "lines.toml"
    path.write_text(VALID_FILE, encoding="utf-8")
    directory = load_directory(path)
    assert [country.code for country in directory.countries] == ["GB"]
    assert directory.for_country("GB").lines[0].checked == "2025-03-14"
    assert directory.path == path


def test_a_toml_date_is_accepted_for_checked(tmp_path):
    path = tmp_path / "lines.toml"
    path.write_text(VALID_FILE.replace('"2025-03-14"', "2025-03-14"), encoding="utf-8")
    assert load_directory(path).for_country("GB").lines[0].checked == "2025-03-14"


@pytest.mark.parametrize(
    "old, new, message",
    [
        ('phone = "116 123"\n', "", "needs at least one of phone"),
        ('hours = "24/7"\n', "", "missing 'hours'"),
        ('source_url = "https://samaritans.org"', 'source_url = "samaritans.org"', "https://"),
        ('checked = "2025-03-14"', 'checked = "yesterday"', "YYYY-MM-DD"),
        ('checked = "2025-03-14"', 'checked = "2025-13-40"', "YYYY-MM-DD"),
        ('phone = "116 123"', 'phnoe = "116 123"', "unknown field(s) phnoe"),
        ('phone = "116 123"', "phone = 116123", "must be text in quotes"),
        ('code = "GB"', 'code = "United Kingdom"', "two capital letters"),
        ('emergency = "999 or 112"\n', "", "missing 'emergency'"),
        ('phone = "116 123"', 'phone = "ring us"', "no number to dial"),
    ],
)
def test_malformed_entry_raises_a_clear_error(tmp_path, old, new, message):
    assert old in VALID_FILE
    path = tmp_path / "lines.toml"
    path.write_text(VALID_FILE.replace(old, new), encoding="utf-8")
    with pytest.raises(CrisisLinesError) as raised:
        load_directory(path)
    assert str(path) in str(raised.value)
    assert message in str(raised.value)
    assert "countries[0]" in str(raised.value)


def test_invalid_toml_names_the_file(tmp_path):
    path = tmp_path / "lines.toml"
    path.write_text("[[countries]\ncode = ", encoding="utf-8")
    with pytest.raises(CrisisLinesError, match="not valid TOML") as raised:
        load_directory(path)
    assert str(path) in str(raised.value)


def test_missing_file_names_the_file(tmp_path):
    path = tmp_path / "absent.toml"
    with pytest.raises(CrisisLinesError, match="absent.toml"):
        load_directory(path)


def test_a_country_listed_twice_is_rejected(tmp_path):
    path = tmp_path / "lines.toml"
    country = VALID_FILE.split("[[countries]]", 1)[1]
    path.write_text(VALID_FILE + "\n[[countries]]" + country, encoding="utf-8")
    with pytest.raises(CrisisLinesError, match="listed twice"):
        load_directory(path)


def test_an_edited_file_is_read_again(tmp_path):
    path = tmp_path / "lines.toml"
    path.write_text(VALID_FILE, encoding="utf-8")
    first = load_directory(path)
    path.write_text(VALID_FILE.replace("116 123", "116 124"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = load_directory(path)
    assert first.for_country("GB").lines[0].phone == "116 123"
    assert second.for_country("GB").lines[0].phone == "116 124"
