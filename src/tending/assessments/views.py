from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from tending.assessments import scoring, selectors, services
from tending.assessments.access import own_result
from tending.assessments.forms import QuestionnaireForm, ScheduleForm, SharingForm
from tending.assessments.models import Sharing
from tending.safety.services import safety_screen_url


def _instrument_or_404(key: str) -> scoring.Instrument:
    instrument = selectors.instrument_for(key)
    if instrument is None:
        raise Http404("No such questionnaire")
    return instrument


@login_required
def index(request):
    latest = selectors.latest_results(request.user)
    rows = [
        {"schedule": row, "latest": latest.get(row.instrument.key)}
        for row in selectors.schedule_for(request.user)
    ]
    return render(
        request,
        "assessments/index.html",
        {"rows": rows, "nudge": selectors.help_nudge_for(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def take(request, key: str):
    instrument = _instrument_or_404(key)
    if request.method == "POST":
        form = QuestionnaireForm(instrument, request.POST)
        if form.is_valid():
            try:
                result = services.record_result(
                    user=request.user, instrument=instrument, answers=form.answers()
                )
            except (scoring.IncompleteAnswers, scoring.InvalidAnswer) as error:
                form.add_error(None, str(error))
            else:
                result_url = reverse("assessments:result", args=[result.pk])
                if result.safety_flag:
                    return redirect(safety_screen_url(result_url))
                return redirect(result_url)
    else:
        form = QuestionnaireForm(instrument)
    return render(
        request,
        "assessments/take.html",
        {"instrument": instrument, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def result(request, result_id: int):
    view = selectors.result_view(own_result(request.user, result_id))
    return render(
        request,
        "assessments/result.html",
        {"view": view, "sharing_form": SharingForm(initial={"sharing": view.result.sharing})},
    )


@login_required
@require_POST
def share(request, result_id: int):
    own = own_result(request.user, result_id)
    form = SharingForm(request.POST)
    if form.is_valid():
        services.set_sharing(user=request.user, result=own, sharing=form.cleaned_data["sharing"])
        if own.sharing == Sharing.NOTHING:
            messages.success(request, "This result is private to you.")
        else:
            messages.success(request, "Saved. Your partner sees only what you chose.")
    else:
        messages.error(request, "Please pick what to share.")
    return redirect("assessments:result", result_id=own.pk)


@login_required
@require_POST
def dismiss_nudge(request, result_id: int):
    services.dismiss_nudge(user=request.user, result=own_result(request.user, result_id))
    messages.success(request, "Hidden. The guide to getting help is always under Get help.")
    if request.POST.get("back") == "result":
        return redirect("assessments:result", result_id=result_id)
    return redirect("home:index")


@login_required
@require_POST
def introduction(request):
    remind = request.POST.get("choice") == "remind"
    services.answer_introduction(
        user=request.user, remind=remind, suggested=selectors.introduction_suggestions()
    )
    messages.success(
        request,
        "We will remind you when one is due."
        if remind
        else "No reminders. Questionnaires are under More whenever you want them.",
    )
    return redirect("home:index")


@login_required
@require_http_methods(["GET", "POST"])
def schedule(request):
    rows = selectors.schedule_for(request.user)
    if request.method == "POST":
        form = ScheduleForm(rows, request.POST)
        if form.is_valid():
            try:
                services.save_schedule(user=request.user, choices=form.choices())
            except services.AssessmentError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Your questionnaire schedule is saved.")
                return redirect("assessments:index")
    else:
        form = ScheduleForm(rows)
    return render(
        request, "assessments/schedule.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def trend(request, key: str):
    instrument = _instrument_or_404(key)
    results = selectors.history_for(request.user, instrument)
    return render(
        request,
        "assessments/trend.html",
        {
            "instrument": instrument,
            "chart": selectors.trend_chart(request.user, instrument, results=results)
            if results
            else None,
        },
    )


@login_required
def partner(request):
    partner_user, shared = selectors.shared_by_partner(request.user)
    return render(request, "assessments/partner.html", {"partner": partner_user, "shared": shared})
