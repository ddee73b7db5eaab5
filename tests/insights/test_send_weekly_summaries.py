"""The weekly e-mail: only to those who asked, on their local Monday, once per week."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from tending.checkins.models import CheckIn
from tending.couples.selectors import active_couple_for
from tending.insights.models import WeeklySummarySent
from tending.insights.services import send_weekly_summaries, set_weekly_summary_email

# Monday 9 June 2025, 01:00 in London, while it is still Sunday evening in New York.
LONDON_MONDAY = dt.datetime(2025, 6, 9, 1, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(autouse=True)
def memory_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_nobody_gets_mail_without_asking(people):
    assert send_weekly_summaries(now=LONDON_MONDAY) == 0
    assert mail.outbox == []


def test_summary_goes_out_on_the_local_monday_once(alice, bob):
    couple = active_couple_for(alice)
    couple.started_at = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    couple.save(update_fields=["started_at"])
    CheckIn.objects.create(
        user=alice, local_date=dt.date(2025, 6, 4), mood=4, stress=2, energy=3, connection=4
    )
    CheckIn.objects.create(
        user=bob,
        local_date=dt.date(2025, 6, 5),
        mood=2,
        stress=4,
        energy=3,
        connection=3,
        emotions=["tired"],
        share_numbers=False,
        note="a private note",
    )
    set_weekly_summary_email(user=alice, enabled=True)
    assert send_weekly_summaries(now=LONDON_MONDAY, site_url="https://tending.example.org") == 1
    assert send_weekly_summaries(now=LONDON_MONDAY + dt.timedelta(hours=3)) == 0
    (message,) = mail.outbox
    assert message.to == ["alice@example.org"]
    assert "2 June to 8 June" in message.subject
    assert "You checked in on 1 of 7 days." in message.body
    assert "Bob shared check-ins on 1 of 7 days." in message.body
    assert "tired" in message.body
    assert "private note" not in message.body and "Their mood" not in message.body
    assert "https://tending.example.org/insights/week/?week=2025-06-02" in message.body
    assert WeeklySummarySent.objects.get(user=alice).week_start == dt.date(2025, 6, 2)


def test_other_days_send_nothing(alice):
    set_weekly_summary_email(user=alice, enabled=True)
    assert send_weekly_summaries(now=LONDON_MONDAY + dt.timedelta(days=1)) == 0


def test_each_person_gets_it_on_their_own_monday(alice, bob):
    set_weekly_summary_email(user=alice, enabled=True)
    set_weekly_summary_email(user=bob, enabled=True)
    assert send_weekly_summaries(now=LONDON_MONDAY) == 1
    assert mail.outbox[0].to == ["alice@example.org"]
    assert send_weekly_summaries(now=LONDON_MONDAY + dt.timedelta(hours=6)) == 1
    assert mail.outbox[1].to == ["bob@example.org"]


def test_a_failed_send_can_be_retried(alice, monkeypatch):
    set_weekly_summary_email(user=alice, enabled=True)

    def refuse(*args, **kwargs):
        raise OSError("mail server away")

    monkeypatch.setattr("tending.insights.services.send_mail", refuse)
    assert send_weekly_summaries(now=LONDON_MONDAY) == 0
    assert not WeeklySummarySent.objects.exists()
    monkeypatch.undo()
    assert send_weekly_summaries(now=LONDON_MONDAY) == 1


def test_the_command_runs_and_reports(alice, capsys):
    set_weekly_summary_email(user=alice, enabled=True)
    call_command("send-weekly-summaries")
    assert "weekly summar" in capsys.readouterr().out
