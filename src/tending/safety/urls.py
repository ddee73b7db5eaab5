from django.urls import path

from tending.safety import views

app_name = "safety"

urlpatterns = [
    path("", views.get_help, name="get_help"),
    path("safe/", views.screen, name="screen"),
    path("safe/tell-partner/", views.tell_partner, name="tell_partner"),
    path("safe/withdraw/", views.withdraw_notice, name="withdraw_notice"),
    path("worried/", views.worried, name="worried"),
    path("plan/", views.plan, name="plan"),
    path("plan/print/", views.plan_print, name="plan_print"),
    path("plan/partner/", views.partner_plan, name="partner_plan"),
    path("when-to-seek-help/", views.when_to_seek_help, name="when_to_seek_help"),
]
