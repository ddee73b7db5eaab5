from django.urls import path

from tending.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("consent/", views.partner_consent, name="consent"),
    path("<int:report_id>/", views.report_detail, name="detail"),
    path("<int:report_id>/pdf/", views.report_pdf, name="pdf"),
    path("<int:report_id>/delete/", views.report_delete, name="delete"),
    path("<int:report_id>/links/", views.share_create, name="share_create"),
    path("<int:report_id>/links/<int:link_id>/revoke/", views.share_revoke, name="share_revoke"),
    path("shared/<str:token>/", views.shared_report, name="shared"),
    path("shared/<str:token>/pdf/", views.shared_report_pdf, name="shared_pdf"),
]
