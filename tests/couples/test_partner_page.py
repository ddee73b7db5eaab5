import re

from django.urls import reverse

from tests.support.people import client_for

URL = reverse("couples:partner")


def test_a_couple_sees_each_other_and_the_way_to_unpair(alice):
    page = client_for(alice).get(URL).content.decode()
    assert "<strong>Bob</strong>" in page
    assert reverse("couples:unpair") in page
    assert reverse("couples:create_invite") not in page


def test_someone_alone_is_offered_an_invitation(charlie):
    page = client_for(charlie).get(URL).content.decode()
    assert "Create an invitation link" in page
    assert reverse("couples:create_invite") in page


def test_anonymous_visitors_are_sent_to_log_in(db):
    response = client_for(None).get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_an_open_invitation_comes_with_a_qr_code_and_a_share_button(charlie):
    client = client_for(charlie)
    client.post(reverse("couples:create_invite"))
    page = client.get(URL).content.decode()
    code = page[page.index('class="invite-qr__code"') :]
    code = code[: code.index("</svg>")]
    assert 'role="img" aria-label="QR code to join you on Tending"' in code
    assert '<svg aria-hidden="true" focusable="false" viewBox=' in code
    assert "style=" not in code
    token_url = re.search(r'id="invite-url" type="text" value="([^"]+)"', page).group(1)
    assert f'data-share-url="{token_url}"' in page
    assert "hidden>" in page[page.index("data-share-url") :][:400]
