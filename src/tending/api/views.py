from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from tending.api import selectors, services
from tending.api.access import own_token
from tending.api.forms import TokenForm
from tending.security.models import EventKind
from tending.security.services import record_event


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    """Personal access tokens for the JSON API: create one (shown once) or revoke one."""
    form = TokenForm(request.POST if request.method == "POST" else None)
    new_token = ""
    if form.is_bound and form.is_valid():
        try:
            _, new_token = services.create_token(user=request.user, **form.cleaned_data)
        except services.TokenError as problem:
            form.add_error("name", str(problem))
        else:
            record_event(
                user=request.user,
                kind=EventKind.TOKEN_CREATED,
                request=request,
                details={
                    "scopes": form.cleaned_data["scopes"],
                    "expires_in_days": form.cleaned_data["expires_in_days"],
                },
            )
            form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {"form": form, "new_token": new_token, "tokens": selectors.tokens_of(request.user)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def revoke(request, token_id: int):
    token = own_token(request.user, token_id)
    if services.revoke_token(user=request.user, token_id=token.pk):
        record_event(user=request.user, kind=EventKind.TOKEN_REVOKED, request=request)
        messages.success(request, "The token is revoked. Anything using it can no longer connect.")
    else:
        messages.info(request, "That token was already revoked.")
    return redirect("api:tokens")
