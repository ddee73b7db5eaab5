from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    """Question decks, the couple's question of the day, answers revealed together, threads."""

    name = "tending.questions"
    label = "questions"
