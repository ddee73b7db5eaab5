from django.urls import reverse

from conftest import PASSWORD, client_for

LOGIN = reverse("accounts:login")
LOGOUT = reverse("accounts:logout")
HOME = reverse("core:home")


def log_in(client, email, password):
    return client.post(LOGIN, {"username": email, "password": password})


def test_logging_in_with_the_right_password_opens_home(alice):
    client = client_for(None)
    response = log_in(client, "Alice@Example.org", PASSWORD)
    assert response.status_code == 302
    assert response.url == HOME
    assert "Your day" in client.get(HOME).content.decode()


def test_a_wrong_password_is_refused_and_the_e_mail_kept(alice):
    response = log_in(client_for(None), "alice@example.org", "not my password")
    page = response.content.decode()
    assert response.status_code == 200
    assert "That e-mail and password do not match." in page
    assert 'value="alice@example.org"' in page
    assert "not my password" not in page


def test_log_in_goes_on_to_the_page_asked_for(alice):
    history = reverse("checkins:history")
    client = client_for(None)
    response = client.post(
        f"{LOGIN}?next={history}", {"username": alice.email, "password": PASSWORD, "next": history}
    )
    assert response.url == history


def test_logging_out_takes_a_post(alice):
    client = client_for(alice)
    assert client.get(LOGOUT).status_code == 405
    assert client.get(HOME).context["user"] == alice

    response = client.post(LOGOUT)
    assert response.status_code == 302
    assert response.url == LOGIN
    assert "Create an account" in client.get(HOME).content.decode()


def test_every_page_offers_log_out_as_a_form(alice):
    page = client_for(alice).get(HOME).content.decode()
    assert f'<form method="post" action="{LOGOUT}"' in page


def test_five_failed_log_ins_lock_the_account_for_a_while(alice):
    client = client_for(None)
    for _ in range(4):
        assert log_in(client, alice.email, "wrong guess").status_code == 200
    locked = log_in(client, alice.email, "wrong guess")
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()

    still_locked = log_in(client, alice.email, PASSWORD)
    assert still_locked.status_code == 429
    assert "Too many attempts" in still_locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_changing_the_letter_case_does_not_escape_the_lock(alice):
    client = client_for(None)
    for email in ("alice@example.org", "Alice@example.org", "ALICE@example.org"):
        log_in(client, email, "wrong guess")
    log_in(client, "alice@Example.org", "wrong guess")
    assert log_in(client, "aLice@example.org", "wrong guess").status_code == 429
    assert log_in(client, "alice@example.org", PASSWORD).status_code == 429


def test_a_lock_on_one_account_does_not_lock_another_on_a_shared_tablet(alice, bob):
    tablet = client_for(None)
    assert log_in(tablet, bob.email, PASSWORD).status_code == 302
    tablet.post(LOGOUT)
    for _ in range(5):
        log_in(tablet, alice.email, "wrong guess")
    assert log_in(tablet, alice.email, PASSWORD).status_code == 429
    assert log_in(tablet, bob.email, PASSWORD).status_code == 302


def test_a_successful_log_in_clears_earlier_failures(alice):
    client = client_for(None)
    for _ in range(4):
        log_in(client, alice.email, "wrong guess")
    assert log_in(client, alice.email, PASSWORD).status_code == 302
    client.post(LOGOUT)
    for _ in range(4):
        assert log_in(client, alice.email, "wrong guess").status_code == 200


def test_demo_log_ins_show_only_in_demo_mode(db, settings):
    settings.DEMO_MODE = True
    page = client_for(None).get(LOGIN).content.decode()
    assert "robin@demo.tending.local" in page
    assert "tending-demo" in page

    settings.DEMO_MODE = False
    page = client_for(None).get(LOGIN).content.decode()
    assert "robin@demo.tending.local" not in page
    assert "tending-demo" not in page
