"""The current couple's rituals and the days the person marked one done."""

from tending.core.exports import Table
from tending.couples.selectors import active_couple_for
from tending.rituals.models import Ritual, RitualDone

RITUAL_COLUMNS = {
    "title": "The ritual of connection.",
    "why": "Why you chose it, if you wrote it down.",
    "rhythm": "daily or weekly.",
    "times_per_period": "How many times a day or week you meant to do it.",
    "created_at": "When you added it (UTC).",
    "stopped_at": "When you stopped it, if you did (UTC).",
}

RITUAL_MARK_COLUMNS = {
    "ritual": "The ritual's title.",
    "local_date": "The day you marked it done.",
}


def _rows(queryset, columns) -> list[dict]:
    return list(queryset.values(*columns))


def export_tables(user) -> list[Table]:
    couple = active_couple_for(user)
    rituals = Ritual.objects.filter(couple=couple) if couple is not None else Ritual.objects.none()
    marks = (
        RitualDone.objects.filter(user=user, ritual__couple=couple)
        if couple is not None
        else RitualDone.objects.none()
    )
    return [
        Table(
            "rituals",
            "Rituals of connection you and your current partner chose.",
            RITUAL_COLUMNS,
            _rows(rituals.order_by("created_at"), RITUAL_COLUMNS),
        ),
        Table(
            "ritual_marks",
            "The days you marked a ritual done.",
            RITUAL_MARK_COLUMNS,
            [
                {"ritual": title, "local_date": local_date}
                for title, local_date in marks.order_by("local_date").values_list(
                    "ritual__title", "local_date"
                )
            ],
        ),
    ]
