from tending.checkins.services import CheckInInput, save_checkin


def test_partner_sees_shared_parts_only(people, as_bob):
    save_checkin(
        user=people["alice"],
        data=CheckInInput(
            mood=2,
            stress=4,
            energy=2,
            connection=3,
            emotions=("anxious",),
            needs=("hug",),
            note="secret words",
        ),
    )
    page = as_bob.get("/").content.decode()
    assert "anxious" in page
    assert "A hug" in page
    assert "secret words" not in page
