from tests.support.people import client_for


def test_guide_covers_each_kind_of_help_for_anyone(db):
    page = client_for(None).get("/help/when-to-seek-help/").content.decode()
    for heading in ("Individual therapy", "Couples therapy", "GP or family doctor", "emergency"):
        assert heading in page


def test_linked_from_get_help(db):
    assert "/help/when-to-seek-help/" in client_for(None).get("/help/").content.decode()


def test_no_unsourced_claims_and_a_way_to_the_worried_page(db):
    page = client_for(None).get("/help/when-to-seek-help/").content.decode()
    assert "wish they had done it sooner" not in page
    assert "Dazzi T" in page
    assert 'href="/help/worried/"' in page
