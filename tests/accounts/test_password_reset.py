import re

from django.core import mail
from django.urls import reverse

from tests.support.people import PASSWORD, client_for

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
