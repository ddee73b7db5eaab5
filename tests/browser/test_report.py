"""A person makes a report, a clinician opens the link in another browser, the link is revoked."""

from decimal import Decimal

import pytest

from tending.core.timezones import local_today
from tending.couples.selectors import active_couple_for
from tending.practices.models import PracticeLog
from tests.support.builders import make_checkin
from tests.support.people import make_user, pair


@pytest.mark.browser
def test_share_a_report_then_revoke_it(visit):
    alice = make_user("Alice")
    make_checkin(alice, days_ago=1, mood=4, sleep_hours=Decimal(7), emotions=["hopeful"])
    make_checkin(alice, days_ago=2, mood=2, emotions=["tired"], note="a note kept private")
    bob = make_user("Bob")
    pair(alice, bob)
    for person, feeling in ((alice, 5), (bob, 1)):
        PracticeLog.objects.create(
            user=person,
            couple=active_couple_for(alice),
            kind=PracticeLog.Kind.STRESS,
            local_date=local_today(person),
            feeling=feeling,
        )

    person = visit(phone=True)
    person.log_in_as(alice)
    page = person.go("/reports/")
    page.get_by_label("Shared practices").check()
    person.press(page.get_by_role("button", name="Make the report"))
    page.get_by_role("heading", name="Your report").wait_for()
    person.press(page.get_by_role("button", name="Create a link"))
    link = page.locator(".copy-field input").input_value()
    assert "/reports/shared/" in link

    clinician = visit()
    shared = clinician.go(link)
    assert shared.get_by_text("Prepared by the person for their clinician; not a diagnosis")
    content = shared.content()
    assert "hopeful" in content and "tired" in content
    assert "a note kept private" not in content
    assert "Stress-reducing conversation" in content and "5 of 5" in content
    assert "1 of 5" not in content
    assert "Log out" not in content

    page.reload()
    assert "Opened 1 time" in page.content()
    person.press(page.get_by_role("button", name="Revoke this link"))
    page.get_by_text("Link revoked").wait_for()

    response = clinician.page.goto(link)
    assert response.status == 410
    assert "no longer available" in clinician.page.content()
