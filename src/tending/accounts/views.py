from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods

from tending.accounts import services
from tending.accounts.backends import BACKEND
from tending.accounts.forms import (
    DeleteAccountForm,
    LoginForm,
    ProfileForm,
    ResetRequestForm,
    SignupForm,
)
from tending.core.clients import address_of
from tending.core.registry import merged_context
from tending.couples.services import PairingError, accept_invite
from tending.safety.selectors import country_from_accept_language
from tending.security.signin import begin_second_step
from tending.security.twofactor import has_second_factor


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("home:index")
    invite_token = request.GET.get("invite", "")
    form = SignupForm(
        request.POST or None,
        initial={
            "country": country_from_accept_language(request.headers.get("Accept-Language", ""))
        },
    )
    if request.method == "POST" and form.is_valid():
        user = services.register(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            display_name=form.cleaned_data["display_name"],
            timezone=form.cleaned_data["timezone"],
            country=form.cleaned_data["country"],
        )
        login(request, user, backend=BACKEND)
        messages.success(request, f"Welcome to Tending, {user.display_name}.")
        if invite_token:
            try:
                accept_invite(token=invite_token, user=user)
            except PairingError as error:
                messages.warning(request, str(error))
            else:
                messages.success(request, "You are now paired. Your shared days start today.")
        return redirect("home:index")
    return render(request, "accounts/signup.html", {"form": form, "invite_token": invite_token})


class LoginView(auth_views.LoginView):
    """A right password signs in at once, or, for an account with a second factor, leads
    to the second step (see ``security.signin``)."""

    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if has_second_factor(user):
            begin_second_step(self.request, user, next_url=self.get_success_url())
            return redirect("security:verify")
        return super().form_valid(form)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect("accounts:profile")
    cards = merged_context("profile_cards", viewer=request.user)
    return render(request, "accounts/profile.html", {"form": form, **cards})


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user=user)
        messages.info(request, "Your account and everything in it have been deleted.")
        return redirect("accounts:login")
    return render(request, "accounts/delete_account.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    """Sends a reset link, at most a few an hour for one address and from one client.

    Every request gets the same answer, sent or not, so nobody learns whether an account
    exists or how many links went out.
    """

    template_name = "accounts/password_reset.html"
    form_class = ResetRequestForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_sent")

    def form_valid(self, form):
        if services.reset_link_allowed(
            email=form.cleaned_data["email"], client=address_of(self.request)
        ):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())


password_reset = PasswordResetView.as_view()
password_reset_sent = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_sent.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html",
    success_url=reverse_lazy("accounts:password_change_done"),
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html"
)
logout_view = auth_views.LogoutView.as_view()
