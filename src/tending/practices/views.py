from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from tending.core.registry import merged_context
from tending.couples.selectors import couple_and_partner
from tending.practices import selectors, services
from tending.practices.access import own_practice_log
from tending.practices.forms import FeelingForm
from tending.practices.services import PracticeError


@login_required
@require_GET
def index(request):
    """Every practice, with what each contributes for today (see core.registry)."""
    couple, partner = couple_and_partner(request.user)
    cards = merged_context("practice_cards", viewer=request.user, couple=couple, partner=partner)
    context = {"couple": couple, "partner": partner, **cards}
    return render(request, "practices/index.html", context)


@login_required
@require_POST
def rate(request, log_id: int):
    own_practice_log(request.user, log_id)
    form = FeelingForm(request.POST)
    try:
        if not form.is_valid():
            raise PracticeError("How it felt is a number from 1 to 5.")
        log = services.rate_practice(
            user=request.user, log_id=log_id, feeling=form.cleaned_data["feeling"]
        )
    except PracticeError as error:
        messages.error(request, str(error))
        return redirect("practices:history")
    messages.success(request, "Thank you. It is saved in your history.")
    if log.conversation_id and request.POST.get("next") == "conversation":
        return redirect("conversations:conversation", conversation_id=log.conversation_id)
    return redirect("practices:history")


@login_required
@require_GET
def history(request):
    couple, partner = couple_and_partner(request.user)
    context = {
        "logs": selectors.practice_history(request.user),
        "partner": partner,
        "feeling_choices": FeelingForm.base_fields["feeling"].choices,
        **merged_context("practice_history", viewer=request.user, couple=couple, partner=partner),
    }
    return render(request, "practices/history.html", context)
