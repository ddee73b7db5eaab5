from contextlib import suppress
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from tending.breathing import access, services
from tending.breathing.forms import BreathingForm, BreathingLogForm
from tending.breathing.patterns import DEFAULT_MINUTES, PATTERNS
from tending.core.http import form_problem
from tending.couples.selectors import partner_of
from tending.practices.forms import FeelingForm
from tending.practices.services import PracticeError


def _session_url(session, **extra) -> str:
    query = urlencode({"pattern": session.pattern, "minutes": session.minutes, "start": 1, **extra})
    return f"{reverse('breathing:index')}?{query}"


@login_required
@require_GET
def breathe(request):
    pattern = request.GET.get("pattern")
    form = BreathingForm(
        initial={
            "pattern": pattern if pattern in PATTERNS else "slow",
            "minutes": request.GET.get("minutes") or DEFAULT_MINUTES,
        }
    )
    sent_invite = None
    if request.GET.get("invite", "").isdigit():
        with suppress(Http404):
            sent_invite = access.invite_sent_by(request.user, int(request.GET["invite"]))
    context = {
        "form": form,
        "partner": partner_of(request.user),
        "patterns": PATTERNS.values(),
        "autostart": request.GET.get("start") == "1",
        "sent_invite": sent_invite,
        "log_form": FeelingForm(),
    }
    return render(request, "breathing/breathe.html", context)


@login_required
@require_POST
def breathe_invite(request):
    form = BreathingForm(request.POST)
    try:
        if not form.is_valid():
            raise PracticeError("Please pick a pattern and a length from 1 to 10 minutes.")
        invite = services.invite_to_breathe(
            user=request.user,
            pattern=form.cleaned_data["pattern"],
            minutes=form.cleaned_data["minutes"],
        )
    except PracticeError as error:
        messages.error(request, str(error))
        return redirect("breathing:index")
    return redirect(_session_url(invite, invite=invite.pk))


@login_required
@require_GET
def breathe_invite_status(request, invite_id: int):
    invite = access.invite_sent_by(request.user, invite_id)
    context = {"invite": invite, "partner": partner_of(request.user)}
    return render(request, "breathing/_breathe_invite_status.html", context)


@login_required
@require_POST
def breathe_join(request, invite_id: int):
    access.invite_sent_to(request.user, invite_id)
    try:
        invite = services.join_breathing_invite(user=request.user, invite_id=invite_id)
    except PracticeError as error:
        messages.info(request, str(error))
        return redirect("breathing:index")
    return redirect(_session_url(invite))


@login_required
@require_POST
def breathe_log(request):
    form = BreathingLogForm(request.POST)
    try:
        if not form.is_valid():
            raise PracticeError(form_problem(form))
        services.log_breathing(
            user=request.user,
            pattern=form.cleaned_data["pattern"],
            minutes=form.cleaned_data["minutes"],
            feeling=form.cleaned_data["feeling"],
        )
    except PracticeError as error:
        messages.error(request, str(error))
        return redirect("breathing:index")
    messages.success(request, "Saved in your practice history. Well done for taking the time.")
    return redirect("practices:history")
