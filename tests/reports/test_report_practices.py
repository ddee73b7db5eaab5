import datetime as dt

import pytest
from django.urls import reverse

from conftest import client_for
from reports.helpers import pdf_text, report_for
from tending.core.timezones import local_today
from tending.couples.models import Couple
from tending.couples.selectors import active_couple_for
from tending.couples.services import unpair
from tending.practices.models import Conversation, PracticeLog
from tending.reports.pdf import render_report_pdf
from tending.reports.selectors import report_content
from tending.reports.services import create_share_link

pytestmark = pytest.mark.on_edge_days


def log(user, couple, *, days_ago: int, kind=PracticeLog.Kind.STRESS, feeling=None, **extra):
    return PracticeLog.objects.create(
        user=user,
        couple=couple,
        kind=kind,
        local_date=local_today(user) - dt.timedelta(days=days_ago),
        feeling=feeling,
        **extra,
    )


@pytest.fixture
def practices(alice, bob, dana):
    """Alice's practices with Bob, Bob's own log, and Alice's older ones with Dana."""
    couple = active_couple_for(alice)
    former = Couple.objects.filter(memberships__user=dana).get()
    meeting = Conversation.objects.create(
        couple=couple,
        kind=Conversation.Kind.MEETING,
        status=Conversation.Status.DONE,
        local_date=local_today(alice),
        work_on_notes="the loft ladder argument",
    )
    log(alice, couple, days_ago=2, feeling=4)
    log(alice, couple, days_ago=1, kind=PracticeLog.Kind.MEETING, conversation=meeting)
    log(bob, couple, days_ago=1, kind=PracticeLog.Kind.MEETING, conversation=meeting, feeling=2)
    log(bob, couple, days_ago=3, kind=PracticeLog.Kind.BREATHING, feeling=1)
    log(alice, former, days_ago=5, kind=PracticeLog.Kind.SPEAKER_LISTENER, feeling=5)
    log(alice, couple, days_ago=60, kind=PracticeLog.Kind.BREATHING, feeling=3)
    return couple


def test_the_form_offers_shared_practices(alice):
    page = client_for(alice).get(reverse("reports:list")).content.decode()
    assert 'name="include_practices"' in page


def test_choosing_practices_in_the_form_saves_it(alice):
    today = local_today(alice)
    response = client_for(alice).post(
        reverse("reports:list"),
        {
            "start_date": (today - dt.timedelta(days=6)).isoformat(),
            "end_date": today.isoformat(),
            "include_practices": "on",
        },
    )
    assert response.status_code == 302
    report = alice.reports.get()
    assert report.include_practices and not report.include_checkins


def test_only_my_own_ratings_with_my_current_partner_in_the_range(alice, practices):
    content = report_content(report_for(alice, include_practices=True))
    assert "Shared practices" in content.included
    assert [(p.name, p.feeling) for p in content.practices] == [
        ("Stress-reducing conversation", "4 of 5"),
        ("Weekly check-in meeting", "–"),
    ]


def test_practices_stay_out_unless_chosen(alice, practices):
    content = report_content(report_for(alice))
    assert not content.practices_included and content.practices == ()


def test_the_page_shows_names_days_and_my_ratings_but_no_words(alice, practices):
    report = report_for(alice, include_practices=True)
    page = client_for(alice).get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "Shared practices" in page
    assert "Stress-reducing conversation" in page and "4 of 5" in page
    assert "loft ladder" not in page
    assert "Paced breathing" not in page and "Speaker and listener" not in page
    assert "2 of 5" not in page and "1 of 5" not in page and "5 of 5" not in page


def test_the_share_page_and_pdf_show_the_same(client, alice, practices):
    report = report_for(alice, include_practices=True)
    link = create_share_link(report=report, expires_in_days=7)
    page = client.get(reverse("reports:shared", args=[link.token])).content.decode()
    assert "Weekly check-in meeting" in page and "4 of 5" in page
    assert "loft ladder" not in page and "2 of 5" not in page
    text = pdf_text(client.get(reverse("reports:shared_pdf", args=[link.token])).content)
    assert "Shared practices" in text
    assert "Stress-reducing conversation" in text and "4 of 5" in text
    assert "loft ladder" not in text and "2 of 5" not in text and "Speaker and listener" not in text


def test_after_a_break_up_no_practices_are_included(alice, bob, practices):
    report = report_for(alice, include_practices=True)
    unpair(user=bob)
    content = report_content(report)
    assert content.practices == ()
    assert "not paired" in content.practices_left_out
    assert "not paired" in pdf_text(render_report_pdf(content))


def test_an_empty_range_says_so(alice):
    text = pdf_text(render_report_pdf(report_content(report_for(alice, include_practices=True))))
    assert "No shared practices completed in this time." in text
