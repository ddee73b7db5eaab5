from django.urls import path

from tending.coach import views

app_name = "coach"

urlpatterns = [
    path("", views.before_you_say_it, name="index"),
    path("i-statement/", views.i_statement, name="i_statement"),
    path("i-statement/send/", views.send, name="send"),
    path("hint/", views.hint, name="hint"),
    path("messages/", views.conversation, name="messages"),
    path("messages/<int:message_id>/read/", views.mark_read, name="mark_read"),
]
