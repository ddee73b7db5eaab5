"""What a couple would trip over, and the look of a companion app, in a real browser."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from tending.assessments.scoring import get_instrument
from tending.assessments.services import record_result
from tending.core.timezones import local_today
from tending.couples.services import create_invite
from tending.questions.decks import all_questions, question_by_id
from tending.questions.selectors import todays_question_id
from tending.questions.services import answer_question
from tests.support.builders import backdate_couple, couple_of, make_checkin

pytestmark = pytest.mark.browser

PHONE_HEIGHT = 844
TABS = ("Home", "Check in", "Practices", "Coach")
ACCENT = "rgb(47, 111, 98)"
MIN_CHART_TEXT_PX = 12


def test_the_partners_day_is_told_about_them(visit, alice, bob):
    make_checkin(alice, mood=4, connection=5, needs=["talk"])
    bobs = visit(phone=True)
    bobs.log_in_as(bob)
    bobs.go("/")
    card = bobs.page.locator("#partner-today")
    expect(card.locator(".reading--mood")).to_have_text(re.compile(r"Mood\s+Good"))
    expect(card.locator(".reading--connection")).to_have_text(
        re.compile(r"Feels connected\s+Very close")
    )
    expect(card).not_to_contain_text("How is your mood?")
    expect(card).not_to_contain_text("How connected do you feel")
    bobs.go("/check-in/history/")
    expect(bobs.page.locator("main")).not_to_contain_text("How is your mood?")


def test_a_one_tap_response_after_resizing_the_box_breaks_no_policy(visit, alice, bob):
    """Dragging a text box's corner gives it a style attribute; htmx must not copy it."""
    make_checkin(alice, needs=["talk"])
    bobs = visit()
    bobs.log_in_as(bob)
    page = bobs.go("/")
    card = page.locator("#partner-today")
    card.get_by_label("Or write a few words").evaluate("box => { box.style.height = '9rem'; }")
    bobs.press(card.get_by_role("button", name="I'm here for you"))
    expect(card.locator(".sent")).to_contain_text("I'm here for you")
    page.wait_for_timeout(300)
    assert bobs.watch.problems() == []
    assert "style" not in page.evaluate("htmx.config.attributesToSettle")
    assert page.evaluate("document.querySelectorAll('style').length") == 0


def test_statistics_sit_behind_details_and_fhir_is_explained(visit, alice):
    for days_ago in range(20):
        make_checkin(alice, days_ago=days_ago, stress=1 + days_ago % 3, connection=1 + days_ago % 5)
    person = visit()
    person.log_in_as(alice)
    page = person.go("/insights/")
    pattern = page.locator(".pattern", has=page.get_by_text("Your stress and how connected"))
    expect(pattern.get_by_text(re.compile("Spearman"))).to_be_hidden()
    expect(pattern.locator(".pattern__strength")).to_contain_text("These two moved together")
    person.press(pattern.get_by_text("Details", exact=True))
    expect(pattern.get_by_text(re.compile("Spearman's rank correlation"))).to_be_visible()
    person.go("/your-data/")
    expect(page.get_by_text("a standard format your clinician's software can read")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("QuestionnaireResponse")


def test_a_new_person_is_introduced_to_questionnaires_once_in_plain_words(visit, charlie):
    person = visit(phone=True)
    person.log_in_as(charlie)
    page = person.go("/")
    card = page.get_by_role("region", name="Short checks on how you have been")
    expect(card.get_by_role("link", name="A 2-minute check on low mood (PHQ-9)")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Patient Health Questionnaire")
    person.press(card.get_by_role("button", name="Not now"))
    expect(page.get_by_text("No reminders.")).to_be_visible()
    expect(page.get_by_role("region", name="Short checks on how you have been")).to_have_count(0)
    person.go("/")
    expect(page.locator("main")).not_to_contain_text("(PHQ-9)")


def test_boxes_keep_their_size_and_the_palette_when_labels_wrap(visit, alice):
    phone = visit(phone=True, viewport={"width": 320, "height": 640})
    phone.log_in_as(alice)
    page = phone.go("/reports/")
    boxes = page.locator("main input[type=checkbox]")
    sizes = boxes.evaluate_all("boxes => boxes.map(b => [b.offsetWidth, b.offsetHeight])")
    assert len(sizes) >= 4 and len(set(map(tuple, sizes))) == 1, sizes
    assert sizes[0][0] >= 20
    assert boxes.first.evaluate("box => getComputedStyle(box).accentColor") == ACCENT
    phone.go(f"/assessments/results/{record_phq9(alice)}/")
    radio = page.locator("main input[type=radio]").first
    assert radio.evaluate("box => getComputedStyle(box).accentColor") == ACCENT


def record_phq9(user) -> int:
    return record_result(
        user=user, instrument=get_instrument("phq9"), answers=dict.fromkeys(range(1, 10), 0)
    ).pk


def test_todays_question_is_not_listed_again_as_an_earlier_one(visit, alice, bob):
    today = todays_question_id(couple_of(alice), alice, partner=bob)
    other = next(question.id for question in all_questions() if question.id != today)
    answer_question(user=alice, question_id=other, text="Walking by the sea.")
    answer_question(user=alice, question_id=today, text="Tea in bed.")
    person = visit()
    person.log_in_as(alice)
    page = person.go("/practices/questions/")
    earlier = page.get_by_role("region", name="Earlier questions")
    expect(earlier.get_by_text(question_by_id(other).text)).to_be_visible()
    expect(earlier.get_by_text(question_by_id(today).text)).to_have_count(0)


def test_the_week_before_stops_at_the_first_check_in(visit, alice):
    make_checkin(alice, days_ago=20)
    person = visit()
    person.log_in_as(alice)
    page = person.go("/insights/week/")
    for _ in range(5):
        back = page.get_by_role("link", name="Week before")
        if back.count() == 0:
            break
        person.press(back)
    expect(page.get_by_role("link", name="Week before")).to_have_count(0)
    expect(page.get_by_text("Your first week here")).to_be_visible()
    expect(page.get_by_role("link", name="Week after")).to_be_visible()


def test_phones_have_a_tab_bar_in_reach_of_a_thumb(visit, alice):
    phone = visit(phone=True)
    phone.log_in_as(alice)
    page = phone.go("/check-in/")
    nav = page.get_by_role("navigation", name="Main")
    page.mouse.wheel(0, 2000)
    box = nav.bounding_box()
    assert box is not None and box["y"] + box["height"] >= PHONE_HEIGHT - 1
    for label in (*TABS, "More"):
        tab = nav.locator("a, summary").filter(has_text=re.compile(f"^{label}$"))
        expect(tab).to_be_visible()
        expect(tab.locator("svg.icon")).to_have_count(1)
        tab_box = tab.bounding_box()
        assert tab_box["height"] >= 44 and tab_box["width"] >= 44, label
    expect(nav.get_by_role("link", name="Check in")).to_have_attribute("aria-current", "page")
    expect(page.locator("header").get_by_role("link", name="Get help")).to_be_visible()
    phone.open_more_menu()
    menu = page.locator(".more-menu__list")
    expect(menu.get_by_role("link", name="History")).to_be_visible()
    assert menu.bounding_box()["y"] + menu.bounding_box()["height"] <= nav.bounding_box()["y"]
    assert "viewport-fit=cover" in page.locator("meta[name=viewport]").get_attribute("content")

    desktop = visit()
    desktop.log_in_as(alice)
    desktop_nav = desktop.go("/").get_by_role("navigation", name="Main")
    assert desktop_nav.bounding_box()["y"] < 60


def test_the_check_in_scales_are_icons_colours_and_words(visit, alice):
    phone = visit(phone=True)
    phone.log_in_as(alice)
    page = phone.go("/check-in/")
    mood = page.get_by_role("group", name="How is your mood?")
    options = mood.locator(".scale__option")
    expect(options).to_have_count(5)
    expect(options.locator("svg.icon")).to_have_count(5)
    colours = set()
    for answer in ("Very low", "Very good"):
        phone.press(mood.get_by_role("radio", name=answer, exact=True))
        chosen = mood.locator(".scale__option", has=page.get_by_role("radio", checked=True))
        colours.add(
            chosen.locator("> span").evaluate("tile => getComputedStyle(tile).backgroundColor")
        )
        expect(chosen).to_contain_text(answer)
    assert len(colours) == 2
    sad = page.locator("details.feeling-group--sad")
    joyful = page.locator("details.feeling-group--joyful")
    assert sad.evaluate("g => getComputedStyle(g).backgroundColor") != joyful.evaluate(
        "g => getComputedStyle(g).backgroundColor"
    )


def test_the_year_in_pixels_can_be_read_without_seeing_colours(visit, alice, bob):
    backdate_couple(alice, days=40)
    yesterday = local_today(alice) - dt.timedelta(days=1)
    make_checkin(alice, days_ago=1, mood=2)
    # Bob lives hours behind Alice: his check-in falls on her yesterday whatever the hour.
    make_checkin(bob, days_ago=(local_today(bob) - yesterday).days, mood=5)
    person = visit(timezone_id="Europe/London")
    person.log_in_as(alice)
    page = person.go("/check-in/history/")
    grid = page.get_by_role("region", name=re.compile("Mood each day of"))
    grid.focus()
    assert page.evaluate("document.activeElement.classList.contains('year-pixels__grid')")
    expect(grid.get_by_role("cell", name="You: low; Bob: very good")).to_have_count(1)
    expect(grid.locator("[style]")).to_have_count(0)


def test_an_invitation_can_be_shared_or_scanned(visit, charlie, live_server):
    invite = create_invite(inviter=charlie)
    phone = visit(phone=True)
    phone.context.add_init_script(
        "navigator.share = (data) => { window.sharedInvite = data; return Promise.resolve(); };"
    )
    phone.log_in_as(charlie)
    page = phone.go("/partner/")
    expect(page.get_by_role("img", name="QR code to join you on Tending")).to_be_visible()
    phone.press(page.get_by_role("button", name="Share the link…"))
    shared = page.evaluate("window.sharedInvite")
    assert shared["url"] == f"{live_server.url}/partner/join/{invite.token}/"

    desktop = visit()
    desktop.context.add_init_script("delete Navigator.prototype.share;")
    desktop.log_in_as(charlie)
    desktop.go("/partner/")
    expect(desktop.page.get_by_role("button", name="Share the link…")).to_be_hidden()
    expect(desktop.page.get_by_role("button", name="Copy")).to_be_visible()


def test_chart_labels_are_at_least_12_px_on_a_phone(visit, alice, bob):
    backdate_couple(alice, days=40)
    for days_ago in range(10):
        make_checkin(alice, days_ago=days_ago, mood=1 + days_ago % 5)
        make_checkin(bob, days_ago=days_ago, mood=1 + days_ago % 4)
    record_phq9(alice)
    phone = visit(phone=True)
    phone.log_in_as(alice)
    for path in ("/insights/", "/insights/week/", "/assessments/phq9/trend/"):
        page = phone.go(path)
        sizes = page.locator("svg text").evaluate_all(
            """texts => texts.map(t => parseFloat(getComputedStyle(t).fontSize)
                                       * t.getScreenCTM().a)"""
        )
        assert sizes and min(sizes) >= MIN_CHART_TEXT_PX, (path, min(sizes))
