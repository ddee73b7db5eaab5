from django.urls import path

from tending.practices import views

app_name = "practices"

urlpatterns = [
    path("", views.index, name="index"),
    path("questions/", views.question_today, name="question_today"),
    path("questions/decks/", views.decks, name="decks"),
    path("questions/decks/<slug:deck_key>/", views.deck, name="deck"),
    path("questions/pick/", views.pick, name="pick"),
    path("questions/skip/", views.skip, name="skip"),
    path("questions/<slug:question_id>/", views.question_detail, name="question"),
    path("questions/<slug:question_id>/state/", views.question_state, name="question_state"),
    path("questions/<slug:question_id>/answer/", views.answer, name="answer"),
    path("questions/<slug:question_id>/thread/", views.question_message, name="question_message"),
    path(
        "questions/<slug:question_id>/thread/messages/",
        views.question_thread,
        name="question_thread",
    ),
    path("questions/<slug:question_id>/favourite/", views.favourite, name="favourite"),
    path("appreciations/", views.appreciations, name="appreciations"),
    path("appreciations/<int:appreciation_id>/react/", views.react, name="react"),
    path("conversations/", views.conversations, name="conversations"),
    path("conversations/<int:conversation_id>/", views.conversation, name="conversation"),
    path(
        "conversations/<int:conversation_id>/state/",
        views.conversation_state,
        name="conversation_state",
    ),
    path(
        "conversations/<int:conversation_id>/begin/",
        views.conversation_begin,
        name="conversation_begin",
    ),
    path(
        "conversations/<int:conversation_id>/next/",
        views.conversation_advance,
        name="conversation_advance",
    ),
    path(
        "conversations/<int:conversation_id>/finish/",
        views.conversation_finish,
        name="conversation_finish",
    ),
    path("conversations/<int:conversation_id>/notes/", views.meeting_notes, name="meeting_notes"),
    path("history/", views.history, name="history"),
    path("history/<int:log_id>/feeling/", views.rate, name="rate"),
    path("breathe/", views.breathe, name="breathe"),
    path("breathe/invite/", views.breathe_invite, name="breathe_invite"),
    path(
        "breathe/invites/<int:invite_id>/",
        views.breathe_invite_status,
        name="breathe_invite_status",
    ),
    path("breathe/invites/<int:invite_id>/join/", views.breathe_join, name="breathe_join"),
    path("breathe/log/", views.breathe_log, name="breathe_log"),
    path("rituals/", views.rituals, name="rituals"),
    path("rituals/suggested/", views.ritual_suggested, name="ritual_suggested"),
    path("rituals/<int:ritual_id>/done/", views.ritual_done, name="ritual_done"),
    path("rituals/<int:ritual_id>/undo/", views.ritual_undo, name="ritual_undo"),
    path("rituals/<int:ritual_id>/stop/", views.ritual_stop, name="ritual_stop"),
]
