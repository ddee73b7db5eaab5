from django.urls import reverse

from conftest import PASSWORD, client_for
from tending.api.models import PersonalAccessToken
from tending.api.services import create_token, user_for_token

URL = reverse("accounts:password_change")
NEW_PASSWORD = "a quiet walk by the river"


def test_the_password_can_be_changed_and_the_session_stays(alice):
    client = client_for(alice)
    response = client.post(
        URL,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.url == reverse("accounts:password_change_done")
    assert client.get(reverse("core:home")).context["user"] == alice
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    assert alice.password.startswith("argon2")


def test_the_old_password_must_be_right(alice):
    response = client_for(alice).post(
        URL,
        {"old_password": "not it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "Your old password was entered incorrectly." in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_a_weak_new_password_is_refused(alice):
    response = client_for(alice).post(
        URL, {"old_password": PASSWORD, "new_password1": "alice123", "new_password2": "alice123"}
    )
    assert response.status_code == 200
    assert "This password is too" in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_a_change_logs_out_other_browsers_and_revokes_api_tokens(alice, bob):

    _, plain = create_token(user=alice, name="home dashboard")
    _, bobs = create_token(user=bob, name="bob's script")
    laptop, phone = client_for(alice), client_for(alice)
    response = phone.post(
        URL,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    page = response.content.decode()
    assert "Every other browser and device where you were logged in is now logged out" in page
    assert phone.get(reverse("core:home")).context["user"] == alice
    assert laptop.get(reverse("core:home")).context["user"].is_anonymous
    assert user_for_token(plain) is None
    assert user_for_token(bobs) == bob
    assert PersonalAccessToken.objects.get(user=alice).revoked_at is not None


def test_the_form_says_what_a_change_ends(alice):
    page = client_for(alice).get(URL).content.decode()
    assert "logs you out on every other browser and device, and ends your API tokens" in page
