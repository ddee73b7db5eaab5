from django.urls import path

from tending.assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.index, name="index"),
    path("schedule/", views.schedule, name="schedule"),
    path("introduction/", views.introduction, name="introduction"),
    path("partner/", views.partner, name="partner"),
    path("results/<int:result_id>/", views.result, name="result"),
    path("results/<int:result_id>/sharing/", views.share, name="share"),
    path("results/<int:result_id>/dismiss-nudge/", views.dismiss_nudge, name="dismiss_nudge"),
    path("<slug:key>/", views.take, name="take"),
    path("<slug:key>/trend/", views.trend, name="trend"),
]
