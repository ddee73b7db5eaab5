from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from tending.couples.selectors import couple_and_partner
from tending.safety import selectors, services
from tending.safety.forms import SafetyPlanForm
from tending.safety.models import SafetyPlan
from tending.safety.plan import PLAN_FIELDS


def get_help(request):
    country_code = selectors.help_country(
        requested=request.GET.get("country", "")[:2],
        user=request.user,
        accept_language=request.headers.get("Accept-Language", ""),
    )
    own, others = selectors.lines_for(country_code)
    directory = selectors.directory()
    return render(
        request,
        "safety/get_help.html",
        {
            "own": own,
            "others": others,
            "country_code": country_code,
            "international": directory.international,
            "general_advice": directory.general_advice,
            "all_countries": directory.countries,
        },
    )


@login_required
def screen(request):
    """The calm screen shown right after someone wrote or answered something worrying."""
    return_url = selectors.safe_return_url(request, request.GET.get("next"))
    country_code = selectors.help_country(
        requested="",
        user=request.user,
        accept_language=request.headers.get("Accept-Language", ""),
    )
    own, _ = selectors.lines_for(country_code)
    couple, partner = couple_and_partner(request.user)
    plan = selectors.plan_of(request.user)
    directory = selectors.directory()
    return render(
        request,
        "safety/screen.html",
        {
            "own": own,
            "return_url": return_url,
            "partner": partner,
            "notice": selectors.own_notice(request.user, couple),
            "plan_sections": selectors.plan_sections(plan),
            "international": directory.international,
            "general_advice": directory.general_advice,
        },
    )


@login_required
@require_POST
def tell_partner(request):
    return_url = selectors.safe_return_url(request, request.POST.get("next"))
    try:
        services.tell_partner(user=request.user)
    except services.SafetyError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            "Your partner will see that you are having a hard time, and nothing else. "
            "You can take it back at any time.",
        )
    return redirect(services.safety_screen_url(return_url))


@login_required
@require_POST
def withdraw_notice(request):
    return_url = selectors.safe_return_url(request, request.POST.get("next"))
    services.withdraw_notice(user=request.user)
    messages.success(request, "Taken back. Your partner no longer sees the notice.")
    return redirect(return_url)


@login_required
@require_http_methods(["GET", "POST"])
def plan(request):
    existing = selectors.plan_of(request.user)
    if request.method == "POST":
        form = SafetyPlanForm(request.POST)
        if form.is_valid():
            try:
                services.save_safety_plan(
                    user=request.user,
                    sections=form.sections(),
                    shared_with_partner=form.cleaned_data["shared_with_partner"],
                )
            except services.SafetyError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Your safety plan is saved.")
                return redirect("safety:plan")
    else:
        initial = {}
        if existing:
            initial = {key: getattr(existing, key) for key in PLAN_FIELDS}
            initial["shared_with_partner"] = existing.shared_with_partner
        form = SafetyPlanForm(initial=initial)
    return render(
        request,
        "safety/plan.html",
        {"form": form, "plan": existing, "plan_sections": selectors.plan_sections(existing)},
        status=400 if form.errors else 200,
    )


@login_required
def plan_print(request):
    own = selectors.plan_of(request.user) or SafetyPlan(user=request.user)
    return render(
        request,
        "safety/plan_print.html",
        {"owner": request.user, "plan_sections": selectors.plan_sections(own)},
    )


@login_required
def partner_plan(request):
    partner, shared_plan = selectors.partner_plan_for(request.user)
    if shared_plan is None:
        raise Http404("No shared plan")
    return render(
        request,
        "safety/partner_plan.html",
        {"partner": partner, "plan_sections": selectors.plan_sections(shared_plan)},
    )


def when_to_seek_help(request):
    return render(request, "safety/when_to_seek_help.html")
