"""The sections of a safety plan: the six-step structure of Stanley and Brown's Safety
Planning Intervention (2012), plus reasons for living, each with Tending's own prompt."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PlanSection:
    key: str
    title: str
    prompt: str
    example: str


PLAN_SECTIONS = (
    PlanSection(
        key="warning_signs",
        title="My warning signs",
        prompt="What tells you that a hard time is starting?",
        example="Thoughts, feelings, places or things you find yourself doing.",
    ),
    PlanSection(
        key="coping_strategies",
        title="Things I can do on my own",
        prompt="What helps you get through a difficult moment by yourself?",
        example="A walk, a shower, music, slow breathing, writing it down.",
    ),
    PlanSection(
        key="distractions",
        title="People and places that take my mind off things",
        prompt="Who could you be with, or where could you go, to feel less alone for a while?",
        example="A friend to watch something with, a café, a park, a library.",
    ),
    PlanSection(
        key="people_to_ask",
        title="People I can ask for help",
        prompt="Who could you tell that you are struggling?",
        example="Their names and how to reach them.",
    ),
    PlanSection(
        key="professionals",
        title="Professionals and services",
        prompt="Who are the professionals and services you can contact?",
        example="Your doctor or therapist, a crisis line, the nearest emergency department.",
    ),
    PlanSection(
        key="safe_environment",
        title="Making my surroundings safer",
        prompt="What could you put away, hand to someone, or keep out of reach while things "
        "are hard?",
        example="Who could help you do this.",
    ),
    PlanSection(
        key="reasons_for_living",
        title="What I live for",
        prompt="What matters to you and keeps you going?",
        example="People, animals, plans, places, small things you look forward to.",
    ),
)

PLAN_FIELDS = tuple(section.key for section in PLAN_SECTIONS)
