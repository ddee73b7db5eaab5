from django.urls import path

from tending.learn import views

app_name = "learn"

urlpatterns = [
    path("", views.articles, name="articles"),
    path("<slug:slug>/", views.article, name="article"),
    path("<slug:slug>/reflections/", views.reflect, name="reflect"),
]
