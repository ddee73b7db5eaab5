"""The check-in vocabulary: scales, the feelings wheel and what would help today.

Built on the structure of Willcox's Feeling Wheel (Willcox G. The Feeling Wheel.
Transactional Analysis Journal. 1982;12(4):274-276): six core feelings that open into
more specific words. The word lists are Tending's own. No Django import here.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    """One 1-to-5 scale: the question asked, the short name a card shows it under (a
    statement about whoever checked in, never "your"), a word and an icon per answer.
    ``higher_is_better`` orders the colours, so a calm day and a good mood look alike."""

    key: str
    question: str
    name: str
    labels: tuple[str, str, str, str, str]
    icons: tuple[str, str, str, str, str]
    higher_is_better: bool = True

    def label(self, value: int) -> str:
        return self.labels[value - 1]

    def icon(self, value: int) -> str:
        return self.icons[value - 1]

    def tone(self, value: int) -> int:
        """From 1 (hardest) to 5 (easiest), whichever way the scale runs."""
        return value if self.higher_is_better else 6 - value


FACES = ("face-very-low", "face-low", "face-okay", "face-good", "face-very-good")

SCALES: tuple[Scale, ...] = (
    Scale(
        "mood",
        "How is your mood?",
        "Mood",
        ("Very low", "Low", "Okay", "Good", "Very good"),
        FACES,
    ),
    Scale(
        "stress",
        "How stressed do you feel?",
        "Stress",
        ("Calm", "A little", "Somewhat", "Very", "Overwhelmed"),
        ("stress-1", "stress-2", "stress-3", "stress-4", "stress-5"),
        higher_is_better=False,
    ),
    Scale(
        "energy",
        "How is your energy?",
        "Energy",
        ("Drained", "Low", "Steady", "Good", "Full of energy"),
        ("battery-1", "battery-2", "battery-3", "battery-4", "battery-5"),
    ),
    Scale(
        "connection",
        "How connected do you feel to your partner?",
        "Feels connected",
        ("Distant", "A bit apart", "In between", "Close", "Very close"),
        ("connection-1", "connection-2", "connection-3", "connection-4", "connection-5"),
    ),
)
SCALE_BY_KEY = {scale.key: scale for scale in SCALES}


@dataclass(frozen=True)
class CoreFeeling:
    key: str
    label: str
    words: tuple[str, ...]


FEELINGS_WHEEL: tuple[CoreFeeling, ...] = (
    CoreFeeling(
        "sad",
        "Sad",
        (
            "lonely",
            "tired",
            "bored",
            "hurt",
            "guilty",
            "ashamed",
            "disappointed",
            "empty",
            "discouraged",
            "grieving",
            "hopeless",
            "homesick",
        ),
    ),
    CoreFeeling(
        "mad",
        "Mad",
        (
            "frustrated",
            "irritated",
            "annoyed",
            "resentful",
            "jealous",
            "hostile",
            "critical",
            "furious",
            "impatient",
            "betrayed",
            "bitter",
            "overlooked",
        ),
    ),
    CoreFeeling(
        "scared",
        "Scared",
        (
            "anxious",
            "worried",
            "overwhelmed",
            "insecure",
            "confused",
            "helpless",
            "rejected",
            "nervous",
            "panicky",
            "embarrassed",
            "tense",
            "vulnerable",
        ),
    ),
    CoreFeeling(
        "joyful",
        "Joyful",
        (
            "happy",
            "excited",
            "playful",
            "hopeful",
            "grateful",
            "amused",
            "energetic",
            "delighted",
            "curious",
            "cheerful",
            "inspired",
            "affectionate",
        ),
    ),
    CoreFeeling(
        "powerful",
        "Powerful",
        (
            "confident",
            "proud",
            "appreciated",
            "respected",
            "valued",
            "capable",
            "determined",
            "brave",
            "focused",
            "worthwhile",
            "motivated",
            "accomplished",
        ),
    ),
    CoreFeeling(
        "peaceful",
        "Peaceful",
        (
            "calm",
            "content",
            "relaxed",
            "loved",
            "loving",
            "safe",
            "thoughtful",
            "trusting",
            "close",
            "nurtured",
            "relieved",
            "serene",
        ),
    ),
)

EMOTION_WORDS: frozenset[str] = frozenset(word for core in FEELINGS_WHEEL for word in core.words)
CORE_OF_WORD: dict[str, str] = {word: core.key for core in FEELINGS_WHEEL for word in core.words}

NEEDS: tuple[tuple[str, str], ...] = (
    ("talk", "Talk"),
    ("hug", "A hug"),
    ("space", "Some space"),
    ("practical", "Practical help"),
    ("reassurance", "Reassurance"),
    ("fun", "Something fun"),
    ("nothing", "Nothing today"),
)
NEED_LABELS: dict[str, str] = dict(NEEDS)
NOTHING = "nothing"


def requests_help(needs: list[str]) -> bool:
    """True when the needs ask the partner for something (not just "nothing")."""
    return any(need != NOTHING for need in needs)
