import json
from urllib.parse import unquote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tending.core.encryption import decrypt, encrypt
from tending.core.http import form_problem
from tending.security import passkeys, selectors, services, signin, twofactor
from tending.security.forms import CodeForm, ConfirmAppForm, PasskeyNameForm
from tending.security.models import Passkey
from tending.security.qr import qr_data_uri

NEW_CODES_KEY = "tending_new_recovery_codes"
ACTIVITY_PAGE_SIZE = 50


def _show_codes_once(request, codes: list[str]):
    """Keep new recovery codes (encrypted) for the one page that shows them."""
    if codes:
        request.session[NEW_CODES_KEY] = encrypt(json.dumps(codes))
        return redirect("security:new_codes")
    return redirect("security:index")


@never_cache
@login_required
@require_GET
def index(request):
    return render(
        request,
        "security/index.html",
        {
            "factors": selectors.factors_of(request.user),
            "devices": selectors.signed_in_devices(
                request.user, current_key=request.session.session_key
            ),
            "passkey_form": PasskeyNameForm(),
            "require_2fa": settings.TENDING_REQUIRE_2FA,
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def authenticator(request):
    """Set up an authenticator app: scan the code (or type the key), confirm a code."""
    device = twofactor.pending_authenticator(request.user)
    if device is None or request.method == "GET" and "again" in request.GET:
        device = twofactor.start_authenticator(request.user)
    form = ConfirmAppForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = twofactor.confirm_authenticator(
                user=request.user, device=device, code=form.cleaned_data["code"], request=request
            )
        except twofactor.TwoFactorError as error:
            form.add_error("code", str(error))
        else:
            messages.success(request, "Your authenticator app is on.")
            return _show_codes_once(request, codes)
    uri = twofactor.provisioning_uri(request.user, device.secret)
    return render(
        request,
        "security/authenticator.html",
        {"form": form, "qr": qr_data_uri(uri), "secret": twofactor.readable_secret(device.secret)},
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
@require_GET
def new_codes(request):
    """New recovery codes, shown once and offered as a file."""
    stored = request.session.pop(NEW_CODES_KEY, None)
    if not stored:
        return redirect("security:index")
    codes = json.loads(decrypt(stored))
    text = "Tending recovery codes for " + request.user.email + "\n\n" + "\n".join(codes) + "\n"
    return render(request, "security/new_codes.html", {"codes": codes, "codes_text": text})


def _with_code(request, action, success: str):
    """Run ``action(code)`` with a code from the form, then back to the security page."""
    form = CodeForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_problem(form))
        return redirect("security:index")
    try:
        result = action(form.cleaned_data["code"])
    except twofactor.TwoFactorError as error:
        messages.error(request, str(error))
        return redirect("security:index")
    messages.success(request, success)
    return _show_codes_once(request, result or [])


@login_required
@require_POST
def remove_authenticator(request):
    return _with_code(
        request,
        lambda code: twofactor.remove_authenticator(user=request.user, code=code, request=request),
        "The authenticator app is removed.",
    )


@login_required
@require_POST
def renew_codes(request):
    def renew(code):
        if twofactor.check_code(request.user, code, request=request) is None:
            raise twofactor.TwoFactorError("That code does not match.")
        return twofactor.create_recovery_codes(user=request.user, request=request)

    return _with_code(request, renew, "New recovery codes are made; the old ones no longer work.")


@login_required
@require_POST
def remove_passkey(request, passkey_id: int):
    passkey = get_object_or_404(Passkey, pk=passkey_id, user=request.user)
    return _with_code(
        request,
        lambda code: twofactor.remove_passkey(
            user=request.user, passkey=passkey, code=code, request=request
        ),
        "The passkey is removed.",
    )


@login_required
@require_POST
def passkey_options(request):
    options = passkeys.registration_options(request, request.user)
    return HttpResponse(options, content_type="application/json")


@login_required
@require_POST
def add_passkey(request):
    name = unquote(request.headers.get("X-Passkey-Name", "")[:500])
    try:
        _, codes = passkeys.register(request, request.user, name=name, body=request.body)
    except passkeys.PasskeyError as error:
        return JsonResponse({"detail": str(error)}, status=400)
    messages.success(request, "Your passkey is added.")
    target = _show_codes_once(request, codes)
    return JsonResponse({"redirect": target.url})


@login_required
@require_POST
def sign_out_device(request, device_id: int):
    if services.sign_out_device(
        user=request.user,
        device_id=device_id,
        current_key=request.session.session_key,
        request=request,
    ):
        messages.success(request, "That device is signed out.")
    else:
        messages.info(request, "That device was already signed out.")
    return redirect("security:index")


@login_required
@require_POST
def sign_out_others(request):
    ended = services.sign_out_everywhere_else(
        user=request.user, current_key=request.session.session_key, request=request
    )
    messages.success(request, f"Signed out everywhere else ({ended} other sessions).")
    return redirect("security:index")


@never_cache
@login_required
@require_GET
def activity(request):
    page = Paginator(selectors.recent_events(request.user), ACTIVITY_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "security/activity.html", {"page": page})


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of signing in: a code from the app, a recovery code or a passkey."""
    user, stored = signin.pending(request)
    if user is None:
        messages.info(request, "Please sign in again.")
        return redirect("accounts:login")
    if not signin.may_try(request, user):
        return render(request, "accounts/locked_out.html", status=429)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        method = twofactor.check_code(user, form.cleaned_data["code"], request=request)
        if method is not None:
            signin.finish(request, user, method=f"password+{method}", backend=stored["backend"])
            return redirect(stored.get("next") or reverse("home:index"))
        signin.count_failure(request, user)
        form.add_error("code", "That code does not match. Try the code your app shows now.")
    return render(
        request,
        "security/verify.html",
        {"form": form, "has_passkeys": user.passkeys.exists()},
        status=400 if form.errors else 200,
    )


@require_POST
def sign_in_options(request):
    """Passkey options: for the pending person's second step, or for any passkey."""
    if not signin.passkey_attempt_allowed(request):
        return JsonResponse({"detail": "Too many attempts. Please wait a little."}, status=429)
    user, _ = signin.pending(request)
    options = passkeys.authentication_options(request, user)
    return HttpResponse(options, content_type="application/json")


@require_POST
def sign_in_with_passkey(request):
    user, stored = signin.pending(request)
    if user is not None and not signin.may_try(request, user):
        return JsonResponse({"detail": "Signing in is paused for a while."}, status=403)
    try:
        passkey = passkeys.authenticate(request, body=request.body)
    except passkeys.PasskeyError as error:
        if user is not None:
            signin.count_failure(request, user)
        return JsonResponse({"detail": str(error)}, status=400)
    method = "password+passkey" if user is not None else "passkey"
    signin.finish(request, passkey.user, method=method)
    return JsonResponse({"redirect": stored.get("next") or reverse("home:index")})
