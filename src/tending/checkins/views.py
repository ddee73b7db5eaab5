from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from tending.checkins import selectors, services
from tending.checkins.forms import CheckInForm, ResponseForm
from tending.checkins.models import CheckIn
from tending.core.selectors import home_context
from tending.core.timezones import local_today
from tending.couples.selectors import couple_and_partner
from tending.safety.screening import page_after_writing

HISTORY_PAGE_SIZE = 14


@login_required
@require_http_methods(["GET", "POST"])
def checkin(request):
    today = selectors.todays_checkin(request.user)
    if request.method == "POST":
        form = CheckInForm(request.POST)
        if form.is_valid():
            try:
                services.save_checkin(user=request.user, data=form.to_input())
            except services.CheckInError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, "Your check-in is updated." if today else "Thank you for checking in."
                )
                safety_page = page_after_writing(
                    request, form.cleaned_data["note"], next_url=reverse("core:home")
                )
                return redirect(safety_page or "core:home")
    else:
        form = CheckInForm(initial=selectors.initial_checkin_input(request.user, today))
    return render(
        request,
        "checkins/checkin.html",
        {"form": form, "editing": today is not None, "today": local_today(request.user)},
        status=400 if form.errors else 200,
    )


@login_required
def history(request):
    couple, partner = couple_and_partner(request.user)
    queryset = selectors.history_page_queryset(request.user, couple, partner)
    page = Paginator(queryset, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    entries = selectors.history_views(list(page.object_list), viewer=request.user, couple=couple)
    return render(
        request,
        "checkins/history.html",
        {"page": page, "entries": entries, "partner": partner},
    )


@login_required
@require_POST
def respond(request, checkin_id: int):
    couple, partner = couple_and_partner(request.user)
    if partner is None:
        raise Http404("No partner")
    checkin_obj = get_object_or_404(
        CheckIn,
        pk=checkin_id,
        user=partner,
        local_date__gte=selectors.partner_visible_since(couple, partner),
    )
    form = ResponseForm(request.POST)
    error = ""
    sent_message = ""
    if form.is_valid():
        try:
            response = services.respond_to_checkin(
                responder=request.user,
                checkin=checkin_obj,
                kind=form.cleaned_data["kind"],
                message=form.cleaned_data["message"],
            )
        except services.CheckInError as problem:
            error = str(problem)
        else:
            sent_message = response.message
    else:
        error = " ".join(e for errors in form.errors.values() for e in errors)
    screen_url = page_after_writing(request, sent_message, next_url=reverse("core:home"))
    if screen_url:
        messages.success(request, "Sent. Your partner will see it on their home page.")
        if request.headers.get("HX-Request"):
            return HttpResponse(headers={"HX-Redirect": screen_url})
        return redirect(screen_url)
    if request.headers.get("HX-Request"):
        context = home_context(request.user)
        context.update({"response_error": error, "response_form": form if error else None})
        return render(request, "core/_partner_today.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, "Sent. Your partner will see it on their home page.")
    return redirect("core:home")
