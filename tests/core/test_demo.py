import datetime as dt
import importlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

import tending.settings as production_settings
from conftest import client_for
from tending.accounts.models import User
from tending.checkins.models import CheckIn, Response
from tending.core.demo import DEMO_PASSWORD, DEMO_PEOPLE
from tending.core.timezones import local_today
from tending.couples.selectors import partner_of

pytestmark = [pytest.mark.django_db, pytest.mark.on_edge_days]


@pytest.fixture(autouse=True)
def development_machine(settings):
    settings.DEBUG = True


def run_demo(*args) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def test_demo_seeds_a_couple_with_sixty_days_of_check_ins_and_responses():
    output = run_demo()
    robin, sam = (User.objects.get(email=person["email"]) for person in DEMO_PEOPLE)
    assert "robin@demo.tending.local" in output
    assert partner_of(robin) == sam
    assert robin.check_password(DEMO_PASSWORD)
    for person in (robin, sam):
        days = set(CheckIn.objects.filter(user=person).values_list("local_date", flat=True))
        today = local_today(person)
        assert min(days) >= today - dt.timedelta(days=60)
        assert 40 <= len(days) <= 60
    checkins = CheckIn.objects.filter(user__in=[robin, sam])
    assert checkins.filter(share_note=False).exclude(note="").exists()
    assert checkins.filter(share_note=True).exclude(note="").exists()
    assert checkins.filter(share_emotions=False).exists()
    assert len({tuple(c.emotions) for c in checkins}) > 10
    assert Response.objects.filter(checkin__in=checkins).count() > 20
    assert Response.objects.filter(kind=Response.Kind.MESSAGE).exclude(message="").exists()


def test_the_demo_couple_can_log_in_and_see_their_history():
    run_demo("--days", "20")
    client = client_for(None)
    response = client.post(
        reverse("accounts:login"),
        {"username": DEMO_PEOPLE[0]["email"], "password": DEMO_PASSWORD},
    )
    assert response.status_code == 302
    history = client.get(reverse("checkins:history"))
    assert history.status_code == 200
    assert "Sam" in history.content.decode()


def test_running_demo_again_starts_the_couple_afresh():
    run_demo("--days", "10")
    robin = User.objects.get(email=DEMO_PEOPLE[0]["email"])
    robin.display_name = "Changed"
    robin.save()
    run_demo("--days", "10")
    assert User.objects.filter(email__in=[p["email"] for p in DEMO_PEOPLE]).count() == 2
    assert User.objects.get(email=DEMO_PEOPLE[0]["email"]).display_name == "Robin"


def test_if_missing_keeps_an_existing_demo_couple():
    run_demo("--days", "10")
    robin = User.objects.get(email=DEMO_PEOPLE[0]["email"])
    robin.display_name = "Changed"
    robin.save()
    assert "already there" in run_demo("--if-missing")
    assert User.objects.get(pk=robin.pk).display_name == "Changed"


def test_the_log_in_page_shows_the_demo_log_ins_only_in_demo_mode(settings):
    settings.DEMO_MODE = True
    assert DEMO_PASSWORD in client_for(None).get(reverse("accounts:login")).content.decode()
    settings.DEMO_MODE = False
    page = client_for(None).get(reverse("accounts:login")).content.decode()
    assert DEMO_PASSWORD not in page
    assert DEMO_PEOPLE[0]["email"] not in page


def test_demo_mode_is_never_on_without_debug(monkeypatch, tmp_path):
    monkeypatch.setenv("TENDING_DEMO", "1")
    monkeypatch.setenv("TENDING_DEBUG", "0")
    monkeypatch.setenv("TENDING_DATA_DIR", str(tmp_path))
    try:
        reloaded = importlib.reload(production_settings)
        assert reloaded.DEMO_MODE is False
        monkeypatch.setenv("TENDING_DEBUG", "1")
        assert importlib.reload(production_settings).DEMO_MODE is True
    finally:
        monkeypatch.undo()
        importlib.reload(production_settings)


def test_demo_refuses_without_debug_because_its_password_is_public(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="password is printed in the README"):
        run_demo()
    assert not User.objects.filter(email__endswith="@demo.tending.local").exists()


def test_a_public_demo_server_can_still_seed_it_on_purpose(settings):
    settings.DEBUG = False
    assert "robin@demo.tending.local" in run_demo("--i-know-this-is-public")
