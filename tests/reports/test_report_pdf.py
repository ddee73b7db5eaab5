from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import client_for
from factories import backdate_couple, make_checkin
from reports.helpers import pdf_text, report_for
from tending.assessments.selectors import instrument_for
from tending.assessments.services import record_result
from tending.reports.pdf import printable, render_report_pdf
from tending.reports.selectors import report_content
from tending.reports.services import set_partner_consent

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")


@pytest.mark.django_db
def test_anonymous_cannot_download(client, alice):
    report = report_for(alice)
    assert client.get(reverse("reports:pdf", args=[report.pk])).status_code == 302


def test_the_pdf_has_the_heading_tables_and_charts(alice):
    for days_ago in range(10):
        make_checkin(
            alice,
            days_ago=days_ago,
            mood=2 + days_ago % 3,
            sleep_hours=Decimal("6.5"),
            emotions=["anxious"],
            note="a long walk" if days_ago == 3 else "",
        )
    report = report_for(alice, include_notes=True)
    response = client_for(alice).get(reverse("reports:pdf", args=[report.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = response.content
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Prepared by the person for their clinician; not a diagnosis" in text
    assert "Days with a check-in: 10." in text
    assert "anxious" in text
    assert "a long walk" in text
    assert "Mood" in text and "Sleep (hours)" in text


def test_other_people_cannot_download_it(alice, bob):
    report = report_for(alice)
    assert client_for(bob).get(reverse("reports:pdf", args=[report.pk])).status_code == 404


def test_the_partner_appears_only_with_consent(alice, bob):
    backdate_couple(alice, days=40)
    make_checkin(bob, days_ago=1, mood=1)
    report = report_for(alice, include_partner=True)
    assert "Bob has not agreed" in pdf_text(render_report_pdf(report_content(report)))
    set_partner_consent(user=bob, allowed=True)
    text = pdf_text(render_report_pdf(report_content(report)))
    assert "Numbers Bob shared, with their consent" in text


def test_a_year_long_report_is_summarised_by_week(alice):
    make_checkin(alice, days_ago=200, mood=5)
    report = report_for(alice, days=365)
    text = pdf_text(render_report_pdf(report_content(report)))
    assert "Week by week" in text


def test_characters_the_font_lacks_print_as_question_marks():
    assert printable("“Calm” – mostly… ρ") == "“Calm” – mostly… ρ"
    assert printable("Καλά, спасибо") == "Καλά, спасибо"
    assert printable("東京 walk") == "?? walk"


def test_names_and_notes_in_other_scripts_print_as_written(alice):
    alice.display_name = "Αλίκη Смирнова"
    alice.save(update_fields=["display_name"])
    note = "“Ήρεμη” μέρα — спокойный день… it’s fine"
    make_checkin(alice, days_ago=1, mood=4, emotions=["calm"], note=note)
    text = pdf_text(render_report_pdf(report_content(report_for(alice, include_notes=True))))
    assert "Αλίκη Смирнова" in text
    assert note in text
    assert "?" not in text


def test_long_notes_wrap_with_single_spaces_between_words(alice):
    """Justified lines would stretch the gaps between words; a reader copying the text
    out of the PDF should get the words as they were written."""
    note = " ".join(["a slow morning, then a long walk by the river with Bob"] * 6)
    make_checkin(alice, days_ago=1, note=note)
    text = pdf_text(render_report_pdf(report_content(report_for(alice, include_notes=True))))
    assert "  " not in text
    assert " ".join(note.split()) in " ".join(text.split())


def test_a_japanese_note_keeps_the_rest_of_the_page(alice):
    make_checkin(alice, days_ago=1, note="東京 was lovely")
    text = pdf_text(render_report_pdf(report_content(report_for(alice, include_notes=True))))
    assert "?? was lovely" in text


def test_questionnaires_are_included_only_when_chosen(alice):
    record_result(
        user=alice,
        instrument=instrument_for("phq9"),
        answers={number: 1 for number in range(1, 10)} | {9: 0},
    )
    without = pdf_text(render_report_pdf(report_content(report_for(alice))))
    assert "PHQ-9" not in without
    text = pdf_text(render_report_pdf(report_content(report_for(alice, include_assessments=True))))
    assert "Questionnaires" in text and "PHQ-9" in text and "Mild" in text
