from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from tending.appreciations import selectors, services
from tending.appreciations.access import appreciation_received_by
from tending.appreciations.forms import AppreciationForm, ReactionForm
from tending.appreciations.models import Appreciation
from tending.core.http import form_problem, is_htmx, safe_next
from tending.couples.selectors import couple_and_partner
from tending.practices.services import PracticeError
from tending.safety.screening import page_after_writing

REACTIONS = Appreciation.Reaction.choices
PAGE_DIGITS = 6


def _page_number(raw: str | None) -> int:
    """The page asked for in ``?page=``; the first for anything but a small positive number."""
    if raw and len(raw) <= PAGE_DIGITS and raw.isdecimal() and int(raw) > 0:
        return int(raw)
    return 1


def _send(request, form) -> str:
    """Send the appreciation in ``form``; the problem in words, or "" when it went."""
    if not form.is_valid():
        return form_problem(form)
    try:
        services.send_appreciation(author=request.user, text=form.cleaned_data["text"])
    except PracticeError as error:
        return str(error)
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def appreciation_list(request):
    couple, partner = couple_and_partner(request.user)
    form = AppreciationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        problem = _send(request, form)
        if not problem:
            messages.success(request, "Sent. It will be waiting on their home page.")
            safety_page = page_after_writing(
                request, form.cleaned_data["text"], next_url=reverse("appreciations:index")
            )
            return redirect(safety_page or "appreciations:index")
        if not form.errors:
            form.add_error(None, problem)
        status = 400
    context = {
        "form": form,
        "couple": couple,
        "partner": partner,
        "counts": selectors.weekly_appreciation_counts(request.user, couple),
        "page": selectors.appreciations_page(
            request.user, couple, number=_page_number(request.GET.get("page"))
        ),
        "reactions": REACTIONS,
    }
    return render(request, "appreciations/appreciations.html", context, status=status)


@login_required
@require_POST
def react(request, appreciation_id: int):
    appreciation = appreciation_received_by(request.user, appreciation_id)
    form = ReactionForm(request.POST)
    problem = ""
    if form.is_valid():
        appreciation = services.react_to_appreciation(
            user=request.user,
            appreciation_id=appreciation.pk,
            reaction=form.cleaned_data["reaction"],
        )
    else:
        problem = "Please pick one of the reactions."
    if is_htmx(request):
        return render(
            request,
            "appreciations/_appreciation.html",
            {"appreciation": appreciation, "reactions": REACTIONS, "problem": problem},
        )
    if problem:
        messages.error(request, problem)
    default = reverse("appreciations:index")
    return redirect(safe_next(request, request.POST.get("next"), default))
