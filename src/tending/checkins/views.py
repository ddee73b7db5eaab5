from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from tending.checkins import access, selectors, services
from tending.checkins.forms import CheckInForm, ResponseForm
from tending.checkins.year_in_pixels import year_in_pixels
from tending.core.http import form_problem, go_to, is_htmx
from tending.core.timezones import local_today
from tending.couples.selectors import couple_and_partner
from tending.safety.screening import page_after_writing

HISTORY_PAGE_SIZE = 14
SENT = "Sent. Your partner will see it on their home page."


@login_required
@require_http_methods(["GET", "POST"])
def checkin(request):
    if request.method == "POST":
        form = CheckInForm(request.POST)
        if form.is_valid():
            try:
                saved = services.save_todays_checkin(user=request.user, data=form.to_input())
            except services.CheckInError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    "Thank you for checking in." if saved.is_new else "Your check-in is updated.",
                )
                safety_page = page_after_writing(
                    request, form.cleaned_data["note"], next_url=reverse("home:index")
                )
                return redirect(safety_page or "home:index")
        today = selectors.todays_checkin(request.user)
    else:
        today = selectors.todays_checkin(request.user)
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
    checkins = selectors.HistoryPages(request.user, couple, partner=partner)
    page = Paginator(checkins, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    entries = selectors.history_views(list(page.object_list), viewer=request.user, couple=couple)
    pixels = None
    if page.number == 1:
        pixels = year_in_pixels(request.user, couple, partner=partner, year=request.GET.get("year"))
    return render(
        request,
        "checkins/history.html",
        {"page": page, "entries": entries, "partner": partner, "pixels": pixels},
    )


def _sent(request, error: str, form=None):
    """After a response: the partner's card again (htmx) or home, with what happened."""
    if is_htmx(request):
        couple, partner = couple_and_partner(request.user)
        context = selectors.partner_today_card(viewer=request.user, couple=couple, partner=partner)
        context.update({"partner": partner, "response_error": error, "response_form": form})
        return render(request, "checkins/_partner_today.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, SENT)
    return redirect("home:index")


@login_required
@require_POST
def respond(request, checkin_id: int):
    checkin_obj = access.partner_checkin_for(request.user, checkin_id)
    form = ResponseForm(request.POST)
    if not form.is_valid():
        return _sent(request, form_problem(form), form)
    try:
        response = services.respond_to_checkin(
            responder=request.user,
            checkin=checkin_obj,
            kind=form.cleaned_data["kind"],
            message=form.cleaned_data["message"],
        )
    except services.CheckInError as problem:
        return _sent(request, str(problem), form)
    screen_url = page_after_writing(request, response.message, next_url=reverse("home:index"))
    if screen_url:
        messages.success(request, SENT)
        return go_to(request, screen_url)
    return _sent(request, "")
