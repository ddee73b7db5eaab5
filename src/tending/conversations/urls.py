from django.urls import path

from tending.conversations import views

app_name = "conversations"

urlpatterns = [
    path("", views.conversation_list, name="index"),
    path("<int:conversation_id>/", views.conversation, name="conversation"),
    path("<int:conversation_id>/state/", views.conversation_state, name="state"),
    path("<int:conversation_id>/begin/", views.conversation_begin, name="begin"),
    path("<int:conversation_id>/next/", views.conversation_advance, name="advance"),
    path("<int:conversation_id>/finish/", views.conversation_finish, name="finish"),
    path("<int:conversation_id>/notes/", views.meeting_notes, name="meeting_notes"),
]
