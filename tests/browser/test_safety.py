"""Answering the PHQ-9 with item 9 above zero: the safety screen, and telling the partner."""

import re

import pytest
from playwright.sync_api import expect

from tending.assessments.models import Result
from tests.support.people import make_user, pair

pytestmark = pytest.mark.browser

PHQ9_ANSWERS = ["Several days"] * 2 + ["Not at all"] * 6 + ["Several days"]


def question(page, number: int, total: int):
    return page.get_by_role("group", name=re.compile(rf"^Question {number} of {total}\b"))


def test_item_nine_opens_the_safety_screen_and_the_partner_sees_only_a_notice(visit):
    alice_user = make_user("Alice", country="GB")
    bob_user = make_user("Bob", country="US", timezone="America/New_York")
    pair(alice_user, bob_user)
    alice = visit()
    bob = visit()
    alice.log_in_as(alice_user)
    bob.log_in_as(bob_user)

    page = alice.go("/assessments/phq9/")
    for number, answer in enumerate(PHQ9_ANSWERS, start=1):
        alice.press(question(page, number, 10).get_by_role("radio", name=answer, exact=True))
    alice.press(page.get_by_role("button", name="See my result"))

    expect(page.get_by_role("heading", name="You are not alone")).to_be_visible()
    expect(page.get_by_role("heading", name="Samaritans")).to_be_visible()
    expect(page.get_by_role("link", name="Call 116 123")).to_have_attribute("href", "tel:116123")
    assert Result.objects.get(user=alice_user).safety_flag

    alice.press(page.get_by_role("button", name="Let my partner know I'm having a hard time"))
    told = page.get_by_text("Your partner will see that you are having a hard time")
    expect(told).to_be_visible()
    alice.press(page.get_by_role("link", name="Go back to where I was").first)
    expect(page.get_by_role("heading", name="Your PHQ-9 result")).to_be_visible()

    home = bob.go("/")
    notice = home.get_by_role("region", name="Alice is having a hard time")
    expect(notice).to_be_visible()
    expect(notice).not_to_contain_text("PHQ")
    text = home.content()
    for private in ("Several days", "better off dead", "Mild", "Your PHQ-9 result"):
        assert private not in text
    shared = bob.go("/assessments/partner/")
    expect(shared.get_by_text("Alice has not shared any results with you.")).to_be_visible()


def test_a_phone_shows_one_question_at_a_time(visit):
    person = make_user("Alice")
    phone = visit(phone=True)
    phone.log_in_as(person)
    page = phone.go("/assessments/gad7/")
    first, second = question(page, 1, 8), question(page, 2, 8)
    submit = page.get_by_role("button", name="See my result")

    expect(first).to_be_visible()
    expect(second).to_be_hidden()
    expect(submit).to_be_hidden()
    phone.press(first.get_by_role("radio", name="Several days", exact=True))
    phone.press(page.get_by_role("button", name="Next"))
    expect(second).to_be_visible()
    expect(first).to_be_hidden()
    phone.press(page.get_by_role("button", name="Back"))
    expect(first).to_be_visible()
    expect(first.get_by_role("radio", name="Several days", exact=True)).to_be_checked()
    assert phone.page_width() <= 390


def test_a_desktop_shows_every_question(visit):
    person = make_user("Alice")
    desktop = visit()
    desktop.log_in_as(person)
    page = desktop.go("/assessments/gad7/")
    for number in range(1, 9):
        expect(question(page, number, 8)).to_be_visible()
    expect(page.get_by_role("button", name="Next")).to_be_hidden()


CHECK_IN = {
    "How is your mood?": "Low",
    "How stressed do you feel?": "Very",
    "How is your energy?": "Drained",
    "How connected do you feel to your partner?": "In between",
}


def check_in_with_note(person, note: str) -> None:
    page = person.go("/check-in/")
    person.fill_check_in(answers=CHECK_IN, note=note)
    person.submit_check_in()
    return page


def test_a_partner_report_opens_worried_about_someone_with_the_countrys_lines(visit):
    alice_user = make_user("Alice", country="IE")
    alice = visit()
    alice.log_in_as(alice_user)
    page = check_in_with_note(alice, "sam said last night he wants to die. i dont know what to do")

    expect(page.get_by_role("heading", name="Worried about someone?", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Who to call in Ireland")).to_be_visible()
    expect(page.get_by_role("link", name="Call 116 123")).to_have_attribute("href", "tel:116123")
    expect(page.get_by_role("link", name="Text TALK to 50808")).to_be_visible()
    expect(page.get_by_role("heading", name="What to do right now")).to_be_visible()
    expect(page.get_by_text("Nothing on this page is sent to your partner")).to_be_visible()
    alice.press(page.get_by_text("Why this page opened"))
    expect(
        page.get_by_text("“wants to die” — thoughts of suicide, about someone else")
    ).to_be_visible()
    assert "operator" not in page.content()

    alice.press(page.get_by_role("link", name="Go back to where I was").first)
    expect(page.get_by_role("heading", name="Home", level=1)).to_be_visible()


def test_an_indirect_first_person_message_opens_the_safety_screen(visit):
    alice_user = make_user("Alice", country="GB")
    alice = visit()
    alice.log_in_as(alice_user)
    page = check_in_with_note(alice, "honestly i just want to go to sleep and never wake up")

    expect(page.get_by_role("heading", name="You are not alone")).to_be_visible()
    expect(page.get_by_role("link", name="Call 116 123")).to_have_attribute("href", "tel:116123")
    alice.press(page.get_by_text("Why this page opened"))
    expect(page.get_by_text("wishing not to be here", exact=False)).to_be_visible()


def test_an_idiom_goes_home_without_a_screen(visit):
    alice_user = make_user("Alice", country="GB")
    alice = visit()
    alice.log_in_as(alice_user)
    page = check_in_with_note(alice, "this traffic is killing me, home late")

    expect(page.get_by_text("Thank you for checking in.")).to_be_visible()
    expect(page.get_by_role("heading", name="You are not alone")).to_have_count(0)
    expect(page.get_by_role("heading", name="Worried about someone?")).to_have_count(0)
