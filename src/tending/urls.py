from django.contrib import admin
from django.urls import include, path

from tending.api.api import api

urlpatterns = [
    path("", include("tending.home.urls")),
    path("accounts/security/", include("tending.security.urls")),
    path("accounts/", include("tending.accounts.urls")),
    path("partner/", include("tending.couples.urls")),
    path("check-in/", include("tending.checkins.urls")),
    path("insights/", include("tending.insights.urls")),
    path("reports/", include("tending.reports.urls")),
    path("assessments/", include("tending.assessments.urls")),
    path("help/", include("tending.safety.urls")),
    path("practices/", include("tending.practices.urls")),
    path("practices/questions/", include("tending.questions.urls")),
    path("practices/appreciations/", include("tending.appreciations.urls")),
    path("practices/conversations/", include("tending.conversations.urls")),
    path("practices/breathe/", include("tending.breathing.urls")),
    path("practices/rituals/", include("tending.rituals.urls")),
    path("learn/", include("tending.learn.urls")),
    path("your-data/", include("tending.yourdata.urls")),
    path("coach/", include("tending.coach.urls")),
    path("notifications/", include("tending.notifications.urls")),
    path("accounts/tokens/", include("tending.api.urls")),
    path("api/", api.urls),
    path("admin/crisis-lines/", include("tending.safety.admin_urls")),
    path("admin/", admin.site.urls),
]
