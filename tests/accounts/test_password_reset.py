import re

from django.core import mail
from django.urls import reverse

from conftest import PASSWORD, client_for, make_user
from tending.api.models import PersonalAccessToken
from tending.api.services import create_token

NEW_PASSWORD = "a quiet walk by the river"
LINK = re.compile(r"https?://[^/\s]+(/accounts/password-reset/[^/\s]+/[^/\s]+/)")


def ask_for_reset(client, email):
    return client.post(reverse("accounts:password_reset"), {"email": email})


def test_a_forgotten_password_can_be_reset_by_e_mail(alice):
    client = client_for(None)
    response = ask_for_reset(client, "Alice@example.org")
    assert response.url == reverse("accounts:password_reset_sent")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    assert "Hello Alice" in message.body

    link = LINK.search(message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.url == reverse("accounts:password_reset_complete")

    login = reverse("accounts:login")
    old = client.post(login, {"username": alice.email, "password": PASSWORD})
    assert old.status_code == 200
    new = client.post(login, {"username": alice.email, "password": NEW_PASSWORD})
    assert new.status_code == 302


def test_a_reset_link_works_only_once(alice):
    client = client_for(None)
    ask_for_reset(client, alice.email)
    link = LINK.search(mail.outbox[0].body).group(1)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    again = client_for(None).get(link, follow=True)
    assert "This link no longer works" in again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(db):
    response = ask_for_reset(client_for(None), "nobody@example.org")
    assert response.url == reverse("accounts:password_reset_sent")
    assert mail.outbox == []


def test_the_reset_page_asks_for_the_e_mail_as_sign_up_and_log_in_do(db):
    page = client_for(None).get(reverse("accounts:password_reset")).content.decode()
    assert '<label for="id_email">E-mail</label>' in page
    assert 'autocomplete="email"' in page


def test_twenty_requests_for_one_address_send_three_links_and_answer_alike(alice):
    answers = [ask_for_reset(client_for(None), alice.email) for _ in range(20)]
    assert len(mail.outbox) == 3
    assert {(a.status_code, a.url) for a in answers} == {
        (302, reverse("accounts:password_reset_sent"))
    }


def test_the_limit_for_an_address_lifts_after_an_hour(alice, time_machine):
    time_machine.move_to("2027-03-01 09:00Z", tick=False)
    for _ in range(4):
        ask_for_reset(client_for(None), alice.email)
    assert len(mail.outbox) == 3
    time_machine.move_to("2027-03-01 10:01Z", tick=False)
    ask_for_reset(client_for(None), alice.email)
    assert len(mail.outbox) == 4


def test_one_client_cannot_send_links_to_everyone(db):
    people = [make_user(f"Person{number}") for number in range(12)]
    client = client_for(None)
    for person in people:
        ask_for_reset(client, person.email)
    assert len(mail.outbox) == 10


def test_a_reset_ends_every_session_and_api_token(alice):

    create_token(user=alice, name="shortcut")
    elsewhere = client_for(alice)
    client = client_for(None)
    ask_for_reset(client, alice.email)
    link = LINK.search(mail.outbox[0].body).group(1)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    done = client.post(
        set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )
    assert "your API tokens no longer work" in done.content.decode()
    assert elsewhere.get(reverse("core:home")).context["user"].is_anonymous
    assert not PersonalAccessToken.objects.filter(user=alice, revoked_at__isnull=True).exists()
