from django.urls import path

from tending.questions import views

app_name = "questions"

urlpatterns = [
    path("", views.question_today, name="today"),
    path("decks/", views.deck_list, name="decks"),
    path("decks/<slug:deck_key>/", views.deck, name="deck"),
    path("pick/", views.pick, name="pick"),
    path("skip/", views.skip, name="skip"),
    path("<slug:question_id>/", views.question_detail, name="question"),
    path("<slug:question_id>/state/", views.question_state, name="state"),
    path("<slug:question_id>/answer/", views.answer, name="answer"),
    path("<slug:question_id>/thread/", views.question_message, name="message"),
    path("<slug:question_id>/thread/messages/", views.question_thread, name="thread"),
    path("<slug:question_id>/favourite/", views.favourite, name="favourite"),
]
