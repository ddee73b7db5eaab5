"""The demo couple: two people with 60 days of plausible, varied check-ins and responses."""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from tending.accounts.models import User
from tending.checkins.feelings import FEELINGS_WHEEL
from tending.checkins.models import CheckIn, Response
from tending.core.timezones import local_today, zone_for
from tending.couples.models import Couple, Membership

DEMO_PASSWORD = "tending-demo"
DEMO_DAYS = 60
DEMO_PEOPLE = (
    {"email": "robin@demo.tending.local", "display_name": "Robin"},
    {"email": "sam@demo.tending.local", "display_name": "Sam"},
)
WORDS = {core.key: core.words for core in FEELINGS_WHEEL}
ROBIN_NOTES = (
    "Woke up with that tight feeling in my chest again.",
    "Managed a walk at lunch, which helped more than I expected.",
    "Therapy session today. Tired but lighter.",
    "Hard to get going this morning. Everything felt heavy.",
    "Good day! Finished the thing I'd been putting off.",
    "Couldn't sleep, kept going over the conversation with my manager.",
    "Felt close to Sam tonight, we cooked together.",
)
SAM_NOTES = (
    "Deadline week. Trying not to bring it home.",
    "Worried about Robin but didn't want to push.",
    "Long run this morning, head is clearer.",
    "Bit snappy today, sorry.",
    "Nice evening, felt like us again.",
)
MESSAGES = (
    "I'm proud of you for getting through today.",
    "Want to take a walk after dinner?",
    "I'll pick up groceries, don't worry about it.",
    "Thinking of you. Call me at lunch if you like.",
)


def _words_for(rng: random.Random, mood: int, stress: int) -> list[str]:
    if mood <= 2:
        pools = ["sad", "scared"] if stress >= 3 else ["sad"]
    elif mood == 3:
        pools = ["scared", "peaceful"] if stress >= 3 else ["peaceful", "sad"]
    else:
        pools = ["joyful", "peaceful", "powerful"]
    if stress >= 4:
        pools.append("mad")
    return sorted({rng.choice(WORDS[rng.choice(pools)]) for _ in range(rng.randint(1, 3))})


def _needs_for(rng: random.Random, mood: int, stress: int) -> list[str]:
    if mood >= 4 and stress <= 2:
        return rng.choice([["fun"], ["nothing"], ["hug"], []])
    if stress >= 4:
        return rng.choice([["practical"], ["space"], ["practical", "hug"], ["talk"]])
    if mood <= 2:
        return rng.choice([["reassurance"], ["hug", "reassurance"], ["talk"], ["space"]])
    return rng.choice([["talk"], ["hug"], ["fun"], ["nothing"]])


def _day_values(rng: random.Random, day_index: int, *, struggling: bool) -> dict:
    rough_patch = struggling and 18 <= day_index <= 30
    weekend = day_index % 7 in (5, 6)
    base_mood = 2.4 if rough_patch else 3.4
    mood = round(min(5, max(1, rng.gauss(base_mood + (0.4 if weekend else 0), 0.8))))
    stress = round(min(5, max(1, rng.gauss(3.6 if not weekend else 2.4, 0.9))))
    energy = round(min(5, max(1, (mood + rng.randint(1, 5)) / 2)))
    connection = round(min(5, max(1, rng.gauss(3.6 + (0.5 if weekend else 0), 0.8))))
    sleep = Decimal(
        str(round(min(10, max(3.5, rng.gauss(6.5 if rough_patch else 7.2, 1.0))) * 2) / 2)
    )
    return {
        "mood": mood,
        "stress": stress,
        "energy": energy,
        "connection": connection,
        "sleep_hours": sleep,
    }


def demo_exists() -> bool:
    return User.objects.filter(email__in=[p["email"] for p in DEMO_PEOPLE]).count() == len(
        DEMO_PEOPLE
    )


@transaction.atomic
def seed_demo(*, days: int = DEMO_DAYS, now: dt.datetime | None = None) -> tuple[User, User]:
    """(Re)create the demo couple with ``days`` days of history ending today."""
    now = now or timezone.now()
    rng = random.Random(20261125)
    User.objects.filter(email__in=[p["email"] for p in DEMO_PEOPLE]).delete()
    robin, sam = (
        User.objects.create_user(
            password=DEMO_PASSWORD, timezone="Europe/London", country="GB", **person
        )
        for person in DEMO_PEOPLE
    )
    couple = Couple.objects.create()
    Couple.objects.filter(pk=couple.pk).update(started_at=now - dt.timedelta(days=days + 10))
    couple.refresh_from_db()
    for person in (robin, sam):
        Membership.objects.create(couple=couple, user=person)

    today = local_today(robin, now)
    zone = zone_for(robin)
    for offset in range(days, 0, -1):
        day = today - dt.timedelta(days=offset)
        day_index = days - offset
        for person, notes, struggling in ((robin, ROBIN_NOTES, True), (sam, SAM_NOTES, False)):
            if rng.random() < 0.12:
                continue
            values = _day_values(rng, day_index, struggling=struggling)
            checkin = CheckIn.objects.create(
                user=person,
                local_date=day,
                emotions=_words_for(rng, values["mood"], values["stress"]),
                needs=_needs_for(rng, values["mood"], values["stress"]),
                note=rng.choice(notes) if rng.random() < 0.35 else "",
                share_numbers=rng.random() > 0.05,
                share_emotions=rng.random() > 0.1,
                share_needs=rng.random() > 0.05,
                share_note=rng.random() < 0.4,
                **values,
            )
            created = dt.datetime.combine(day, dt.time(8, rng.randint(0, 59)), tzinfo=zone)
            CheckIn.objects.filter(pk=checkin.pk).update(created_at=created, updated_at=created)
            partner = sam if person is robin else robin
            if checkin.share_needs and checkin.asks_for_help and rng.random() < 0.8:
                delay = dt.timedelta(hours=rng.choice([1, 2, 4, 9, 30]))
                kind = rng.choice(Response.Kind.values)
                response = Response.objects.create(
                    checkin=checkin,
                    couple=couple,
                    responder=partner,
                    kind=kind,
                    message=rng.choice(MESSAGES) if kind == Response.Kind.MESSAGE else "",
                )
                Response.objects.filter(pk=response.pk).update(created_at=created + delay)
    return robin, sam
