from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from tending.couples import access, selectors, services
from tending.couples.qr import qr_svg


@login_required
def partner(request):
    couple, partner_user = selectors.couple_and_partner(request.user)
    invite = None if couple else selectors.pending_invite_for(request.user)
    invite_url = (
        request.build_absolute_uri(reverse("couples:join", args=[invite.token])) if invite else ""
    )
    return render(
        request,
        "couples/partner.html",
        {
            "couple": couple,
            "partner": partner_user,
            "invite": invite,
            "invite_url": invite_url,
            "invite_qr": qr_svg(invite_url) if invite else "",
        },
    )


@login_required
@require_POST
def create_invite(request):
    try:
        services.create_invite(inviter=request.user)
    except services.PairingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Your invitation link is ready. It works once, for 7 days.")
    return redirect("couples:partner")


@login_required
@require_POST
def revoke_invite(request, invite_id: int):
    invite = access.own_invite(request.user, invite_id)
    services.revoke_invite(invite=invite, by=request.user)
    messages.info(request, "The invitation link no longer works.")
    return redirect("couples:partner")


@require_http_methods(["GET", "POST"])
def join(request, token: str):
    invite = selectors.invite_by_token(token)
    user = request.user if request.user.is_authenticated else None
    if request.method == "POST":
        if user is None:
            return redirect_to_login(reverse("couples:join", args=[token]))
        try:
            services.accept_invite(token=token, user=user)
        except services.PairingError as error:
            messages.error(request, str(error))
            return redirect("couples:join", token=token)
        messages.success(request, "You are now paired. Your shared days start today.")
        return redirect("home:index")
    problem = services.invite_problem(invite, user=user)
    return render(
        request,
        "couples/join.html",
        {"invite": None if problem else invite, "problem": problem, "token": token},
        status=404 if invite is None else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def unpair(request):
    couple, partner_user = selectors.couple_and_partner(request.user)
    if couple is None:
        messages.info(request, "You are not paired with anyone.")
        return redirect("couples:partner")
    if request.method == "POST":
        services.unpair(user=request.user)
        messages.info(
            request,
            "You are no longer paired. Nothing is shared any more; your own entries are kept.",
        )
        return redirect("home:index")
    return render(request, "couples/unpair.html", {"partner": partner_user})
