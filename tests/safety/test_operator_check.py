"""Operators learn which crisis lines need verifying: `tending check` and the admin page."""

from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from tending.accounts.models import User
from tests.support.people import client_for

STALE_LINE = """
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
checked = "2025-11-30"

[[countries.lines]]
name = "Shout"
text = "text SHOUT to 85258"
hours = "24/7"
source = "giveusashout.org"
source_url = "https://giveusashout.org"
checked = ""
"""


def run_check() -> str:
    out = StringIO()
    call_command("check", stdout=out, stderr=out)
    return out.getvalue()


@time_machine.travel("2026-12-02 12:00 +0000", tick=False)
def test_the_shipped_lines_need_no_verifying_today():
    assert "safety.W00" not in run_check()


@time_machine.travel("2028-01-15 12:00 +0000", tick=False)
def test_a_year_later_every_line_is_listed():
    output = run_check()
    assert "safety.W002" in output
    assert "more than a year ago: United Kingdom: Samaritans" in output


@time_machine.travel("2026-12-02 12:00 +0000", tick=False)
def test_old_and_unverified_lines_are_listed(settings, tmp_path):
    path = tmp_path / "lines.toml"
    path.write_text(STALE_LINE, encoding="utf-8")
    settings.CRISIS_LINES_FILE = str(path)
    output = run_check()
    assert "(safety.W002) Crisis line last verified on 2025-11-30" in output
    assert "(safety.W001) Crisis line not yet verified: United Kingdom: Shout." in output


@time_machine.travel("2026-12-02 12:00 +0000", tick=False)
def test_people_never_see_operator_wording(settings, tmp_path):
    path = tmp_path / "lines.toml"
    path.write_text(STALE_LINE, encoding="utf-8")
    settings.CRISIS_LINES_FILE = str(path)
    page = client_for(None).get("/help/", {"country": "GB"}).content.decode()
    assert "operator" not in page
    assert "verif" not in page
    assert "Source: <a" in page
    assert "checked 30 November 2025" in page


@pytest.mark.django_db
@time_machine.travel("2028-01-15 12:00 +0000", tick=False)
def test_the_admin_lists_lines_with_their_status():
    admin = User.objects.create_superuser(
        email="ops@example.org", password="correct horse battery", display_name="Ops"
    )
    client = client_for(admin)
    assert "Crisis lines" in client.get("/admin/").content.decode()
    page = client.get("/admin/crisis-lines/").content.decode()
    assert "to verify" in page
    assert "Samaritans" in page
    assert "2026-12-02, more than a year ago" in page
    assert "greenfunding.jp" in page
