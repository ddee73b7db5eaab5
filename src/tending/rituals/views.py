from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from tending.couples.selectors import couple_and_partner
from tending.practices.services import PracticeError
from tending.rituals import selectors, services
from tending.rituals.access import live_ritual_for_couple
from tending.rituals.forms import RitualForm, SuggestionForm


def _rituals_page(request, form, status=200):
    couple, partner = couple_and_partner(request.user)
    context = {
        "form": form,
        "couple": couple,
        "partner": partner,
        "rituals": selectors.ritual_views(request.user, couple),
        "suggestions": selectors.unused_ritual_suggestions(couple),
    }
    return render(request, "rituals/rituals.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def ritual_list(request):
    if request.method == "GET":
        return _rituals_page(request, RitualForm())
    form = RitualForm(request.POST)
    if form.is_valid():
        try:
            services.add_ritual(
                user=request.user,
                title=form.cleaned_data["title"],
                rhythm=form.cleaned_data["rhythm"],
                times_per_period=form.cleaned_data["times_per_period"],
            )
        except PracticeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Added. Either of you can mark it done.")
            return redirect("rituals:index")
    return _rituals_page(request, form, status=400)


@login_required
@require_POST
def ritual_suggested(request):
    form = SuggestionForm(request.POST)
    try:
        if not form.is_valid():
            raise PracticeError("Please pick one of the suggestions.")
        ritual = services.add_suggested_ritual(user=request.user, key=form.cleaned_data["key"])
    except PracticeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Added “{ritual.title}”.")
    return redirect("rituals:index")


def _ritual_step(request, step, ritual_id: int, done_message: str):
    ritual = live_ritual_for_couple(request.user, ritual_id)
    try:
        step(user=request.user, ritual_id=ritual.pk)
    except PracticeError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, done_message)
    return redirect("rituals:index")


@login_required
@require_POST
def ritual_done(request, ritual_id: int):
    return _ritual_step(request, services.mark_ritual_done, ritual_id, "Marked as done.")


@login_required
@require_POST
def ritual_undo(request, ritual_id: int):
    return _ritual_step(request, services.undo_ritual_done, ritual_id, "Taken back.")


@login_required
@require_POST
def ritual_stop(request, ritual_id: int):
    return _ritual_step(
        request, services.stop_ritual, ritual_id, "Set aside. You can add it again at any time."
    )
