import pytest
from django.urls import reverse

import tending.settings as production_settings
from tending.accounts.models import User
from tending.couples.selectors import partner_of
from tending.couples.services import create_invite
from tests.support.people import PASSWORD, client_for, make_user

SIGNUP = reverse("accounts:signup")


def signup_data(**overrides) -> dict:
    data = {
        "display_name": "Erin",
        "email": "Erin.Example@Example.ORG",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "timezone": "Pacific/Auckland",
        "country": "NZ",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_signup_creates_an_account_and_logs_in():
    client = client_for(None)
    response = client.post(SIGNUP, signup_data())
    assert response.status_code == 302
    assert response.url == reverse("home:index")
    user = User.objects.get()
    assert user.email == "erin.example@example.org"
    assert user.display_name == "Erin"
    assert user.timezone == "Pacific/Auckland"
    assert user.country.code == "NZ"
    home = client.get(reverse("home:index")).content.decode()
    assert "Welcome to Tending, Erin." in home


@pytest.mark.django_db
def test_password_is_stored_as_an_argon2_hash():
    client_for(None).post(SIGNUP, signup_data())
    user = User.objects.get()
    assert user.password.startswith("argon2")
    assert PASSWORD not in user.password
    assert production_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db
def test_an_e_mail_in_use_is_refused_whatever_its_case():
    make_user("Erin")
    response = client_for(None).post(SIGNUP, signup_data(email="ERIN@example.org"))
    assert response.status_code == 200
    assert "An account with this e-mail already exists" in response.content.decode()
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_weak_password_is_refused():
    weak = signup_data(password1="12345678", password2="12345678")
    response = client_for(None).post(SIGNUP, weak)
    page = response.content.decode()
    assert response.status_code == 200
    assert "This password is too common." in page
    assert "This password is entirely numeric." in page
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_refused_form_keeps_what_was_typed_except_passwords():
    response = client_for(None).post(
        SIGNUP, signup_data(display_name="Erin Typed", password2="something else entirely")
    )
    page = response.content.decode()
    assert "The two password fields didn’t match." in page
    assert 'value="Erin Typed"' in page
    assert 'value="erin.example@example.org"' in page.lower()
    assert '<option value="Pacific/Auckland" selected>' in page
    assert '<option value="NZ" selected>' in page
    assert PASSWORD not in page
    assert "something else entirely" not in page


@pytest.mark.django_db
def test_an_unknown_time_zone_is_refused():
    response = client_for(None).post(SIGNUP, signup_data(timezone="Mars/Olympus_Mons"))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not User.objects.exists()


def test_signing_up_through_an_invite_link_pairs_the_two(alice, charlie):
    invite = create_invite(inviter=charlie)
    client = client_for(None)
    join_page = client.get(reverse("couples:join", args=[invite.token])).content.decode()
    signup_url = f"{SIGNUP}?invite={invite.token}"
    assert signup_url in join_page

    response = client.post(signup_url, signup_data())
    assert response.status_code == 302
    erin = User.objects.get(email="erin.example@example.org")
    assert partner_of(erin) == charlie
    assert partner_of(charlie) == erin
    home = client.get(reverse("home:index")).content.decode()
    assert "You are now paired." in home
    assert "Charlie's day" in home


def test_signing_up_through_a_withdrawn_invite_creates_the_account_unpaired(charlie):
    invite = create_invite(inviter=charlie)
    create_invite(inviter=charlie)
    client = client_for(None)
    client.post(f"{SIGNUP}?invite={invite.token}", signup_data())
    erin = User.objects.get(email="erin.example@example.org")
    assert partner_of(erin) is None
    home = client.get(reverse("home:index")).content.decode()
    assert "This invitation was withdrawn." in home


def test_a_logged_in_person_is_sent_home(alice):
    response = client_for(alice).get(SIGNUP)
    assert response.status_code == 302
    assert response.url == reverse("home:index")


def test_password_rules_are_quiet_help_below_the_field(db):
    page = client_for(None).get(SIGNUP).content.decode()
    assert '<div class="help" id="id_password1_helptext"><ul>' in page


def test_country_is_suggested_from_the_browser_language(client):
    page = client.get(reverse("accounts:signup"), HTTP_ACCEPT_LANGUAGE="en-NZ,en;q=0.8")
    assert '<option value="NZ" selected>' in page.content.decode()
