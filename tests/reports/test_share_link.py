"""Share links: only the chosen content, at most 30 days, revocable, with an access log."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import client_for
from factories import backdate_couple, make_checkin
from reports.helpers import pdf_text, report_for
from tending.reports.models import ShareAccess
from tending.reports.services import (
    ReportError,
    create_share_link,
    revoke_share_link,
    set_partner_consent,
)

pytestmark = pytest.mark.on_edge_days

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"


def shared_url(link):
    return reverse("reports:shared", args=[link.token])


@pytest.fixture
def link(alice):
    make_checkin(alice, days_ago=1, mood=4, emotions=["hopeful"], note="private words")
    return create_share_link(report=report_for(alice), expires_in_days=14)


def test_anyone_with_the_token_sees_only_the_chosen_content(client, link):
    response = client.get(shared_url(link), HTTP_USER_AGENT=FIREFOX)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Prepared by the person for their clinician; not a diagnosis" in page
    assert "hopeful" in page
    assert "private words" not in page
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]


def test_the_shared_pdf_has_the_same_limits(client, link):
    response = client.get(reverse("reports:shared_pdf", args=[link.token]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "not a diagnosis" in text and "private words" not in text
    assert response["Referrer-Policy"] == "no-referrer"


def test_each_opening_is_logged_without_an_address(client, alice, link):
    client.get(shared_url(link), HTTP_USER_AGENT=FIREFOX)
    client.get(reverse("reports:shared_pdf", args=[link.token]), HTTP_USER_AGENT="curl/8.0")
    accesses = list(ShareAccess.objects.filter(link=link).order_by("pk"))
    assert [(a.kind, a.browser) for a in accesses] == [
        ("page", "Firefox on Windows"),
        ("pdf", "An automated client (for example a link preview)"),
    ]
    assert {f.name for f in ShareAccess._meta.get_fields()} == {
        "id",
        "link",
        "accessed_at",
        "kind",
        "browser",
    }
    page = client_for(alice).get(reverse("reports:detail", args=[link.report.pk]))
    assert "Opened 2 times" in page.content.decode()
    assert "Firefox on Windows" in page.content.decode()


def test_expiry_is_at_most_thirty_days(alice):
    report = report_for(alice)
    for days in (0, 31, 365):
        with pytest.raises(ReportError):
            create_share_link(report=report, expires_in_days=days)
    link = create_share_link(report=report, expires_in_days=30)
    assert link.expires_at - link.created_at <= dt.timedelta(days=30, seconds=1)


def test_a_link_stored_with_a_longer_expiry_still_ends_after_thirty_days(client, alice, link):
    created = timezone.now() - dt.timedelta(days=30, minutes=1)
    type(link).objects.filter(pk=link.pk).update(
        created_at=created, expires_at=created + dt.timedelta(days=90)
    )
    response = client.get(shared_url(link))
    assert response.status_code == 410
    page = client_for(alice).get(reverse("reports:detail", args=[link.report.pk]))
    assert "Link expired on" in page.content.decode()


def test_the_form_refuses_more_than_thirty_days(alice):
    report = report_for(alice)
    url = reverse("reports:share_create", args=[report.pk])
    client_for(alice).post(url, {"expires_in_days": "45"})
    assert not report.share_links.exists()
    client_for(alice).post(url, {"expires_in_days": "14"})
    (made,) = report.share_links.all()
    assert dt.timedelta(days=13) < made.expires_at - timezone.now() <= dt.timedelta(days=14)


def test_only_the_owner_can_make_or_revoke_links(alice, bob, link):
    report = link.report
    assert (
        client_for(bob)
        .post(reverse("reports:share_create", args=[report.pk]), {"expires_in_days": "3"})
        .status_code
        == 404
    )
    revoke = reverse("reports:share_revoke", args=[report.pk, link.pk])
    assert client_for(bob).post(revoke).status_code == 404
    assert client_for(alice).post(revoke).status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None


def test_a_revoked_link_is_no_longer_available(client, link):
    revoke_share_link(link=link)
    for url in (shared_url(link), reverse("reports:shared_pdf", args=[link.token])):
        response = client.get(url)
        assert response.status_code == 410
        assert "no longer available" in response.content.decode()
        assert response["Referrer-Policy"] == "no-referrer"
    assert not ShareAccess.objects.exists()


def test_an_expired_link_is_no_longer_available(client, link):
    type(link).objects.filter(pk=link.pk).update(expires_at=timezone.now())
    response = client.get(shared_url(link))
    assert response.status_code == 410
    assert "no longer available" in response.content.decode()


def test_an_unknown_token_is_not_found(client, link):
    response = client.get(reverse("reports:shared", args=["not-" + link.token]))
    assert response.status_code == 404
    assert "no longer available" in response.content.decode()


def test_partner_data_follows_the_partners_current_consent(client, alice, bob):
    backdate_couple(alice, days=40)
    make_checkin(bob, days_ago=1, mood=2)
    link = create_share_link(report=report_for(alice, include_partner=True), expires_in_days=7)
    set_partner_consent(user=bob, allowed=True)
    assert "Bob shared" in client.get(shared_url(link)).content.decode()
    set_partner_consent(user=bob, allowed=False)
    page = client.get(shared_url(link)).content.decode()
    assert "Bob shared" not in page and "has not agreed" in page


def test_deleting_the_report_ends_its_links(client, alice, link):
    client_for(alice).post(reverse("reports:delete", args=[link.report.pk]))
    assert client.get(shared_url(link)).status_code == 404
