from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tending.core.http import form_problem
from tending.core.timezones import local_today
from tending.couples.selectors import couple_and_partner
from tending.reports import selectors, services
from tending.reports.access import own_report, share_link_of
from tending.reports.forms import ReportForm, ShareLinkForm
from tending.reports.models import ShareAccess
from tending.reports.pdf import render_report_pdf

UNAVAILABLE = "This report is no longer available."
NOT_FOUND = "This report is no longer available, or the link is not complete."


def pdf_response(content, filename: str) -> HttpResponse:
    response = HttpResponse(render_report_pdf(content), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    return response


def pdf_filename(report) -> str:
    return f"tending-report-{report.start_date:%Y%m%d}-{report.end_date:%Y%m%d}.pdf"


@login_required
@require_http_methods(["GET", "POST"])
def report_list(request):
    today = local_today(request.user)
    data = request.POST if request.method == "POST" else None
    form = ReportForm(data, initial=ReportForm.initial_for(today))
    if request.method == "POST" and form.is_valid():
        try:
            report = services.create_report(owner=request.user, **form.cleaned_data)
        except services.ReportError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your report is ready. Check it before you share it.")
            return redirect("reports:detail", report_id=report.pk)
    _, partner = couple_and_partner(request.user)
    return render(
        request,
        "reports/list.html",
        {
            "form": form,
            "reports": selectors.reports_of(request.user),
            "partner": partner,
            "my_consent": selectors.partner_has_consented(request.user),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def report_detail(request, report_id: int):
    report = own_report(request.user, report_id)
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "content": selectors.report_content(report),
            "links": [
                {
                    "link": link,
                    "url": request.build_absolute_uri(reverse("reports:shared", args=[link.token])),
                    "live": selectors.link_is_live(link),
                }
                for link in selectors.share_links_of(report)
            ],
            "share_form": ShareLinkForm(),
        },
    )


@login_required
@require_GET
def report_pdf(request, report_id: int):
    report = own_report(request.user, report_id)
    return pdf_response(selectors.report_content(report), pdf_filename(report))


@login_required
@require_POST
def report_delete(request, report_id: int):
    services.delete_report(report=own_report(request.user, report_id))
    messages.success(request, "The report and its links are deleted.")
    return redirect("reports:list")


@login_required
@require_POST
def share_create(request, report_id: int):
    report = own_report(request.user, report_id)
    form = ShareLinkForm(request.POST)
    if form.is_valid():
        services.create_share_link(
            report=report, expires_in_days=form.cleaned_data["expires_in_days"], request=request
        )
        messages.success(request, "The link is ready to copy.")
    else:
        messages.error(request, form_problem(form))
    return redirect("reports:detail", report_id=report.pk)


@login_required
@require_POST
def share_revoke(request, report_id: int, link_id: int):
    report = own_report(request.user, report_id)
    link = share_link_of(report, link_id)
    services.revoke_share_link(link=link)
    messages.success(request, "The link no longer works.")
    return redirect("reports:detail", report_id=report.pk)


@login_required
@require_POST
def partner_consent(request):
    allowed = request.POST.get("allowed") == "on"
    services.set_partner_consent(user=request.user, allowed=allowed)
    messages.success(
        request,
        "Your partner may include what you share with them in their reports."
        if allowed
        else "Your partner's reports will not include anything of yours.",
    )
    return redirect("reports:list")


def private_headers(response: HttpResponse) -> HttpResponse:
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store, private"
    return response


def open_share_link(request, token: str, kind: str):
    """The live link and its report's content, or a response saying it is gone."""
    link = selectors.share_link_by_token(token)
    if link is None:
        return None, private_headers(
            render(request, "reports/unavailable.html", {"message": NOT_FOUND}, status=404)
        )
    if not selectors.link_is_live(link):
        return None, private_headers(
            render(request, "reports/unavailable.html", {"message": UNAVAILABLE}, status=410)
        )
    services.record_access(link=link, kind=kind, user_agent=request.headers.get("User-Agent", ""))
    return link, None


@require_GET
def shared_report(request, token: str):
    link, gone = open_share_link(request, token, ShareAccess.Kind.PAGE)
    if gone:
        return gone
    content = selectors.report_content(link.report)
    return private_headers(
        render(request, "reports/shared.html", {"content": content, "link": link})
    )


@require_GET
def shared_report_pdf(request, token: str):
    link, gone = open_share_link(request, token, ShareAccess.Kind.PDF)
    if gone:
        return gone
    return private_headers(
        pdf_response(selectors.report_content(link.report), pdf_filename(link.report))
    )
