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
from tending.safety.screening import noticed_for


def _country_code(request, requested: str = "") -> str:
    return selectors.help_country(
        requested=requested[:2],
        user=request.user,
        accept_language=request.headers.get("Accept-Language", ""),
    )


def _help_context(country_code: str) -> dict:
    """The person's country, its lines or emergency numbers, and the directories."""
    own, others = selectors.lines_for(country_code)
    directory = selectors.directory()
    return {
        "own": own,
        "others": others,
        "country_code": country_code,
        "international": directory.international,
        "general_advice": directory.general_advice,
        "emergency_numbers": directory.emergency_numbers,
    }


def get_help(request):
    country_code = _country_code(request, request.GET.get("country", ""))
    context = _help_context(country_code)
    context["all_countries"] = selectors.directory().every_country
    context["directory_key"] = selectors.directory_page_key(context["own"])
    return render(request, "safety/get_help.html", context)


@login_required
def screen(request):
    """The calm screen shown right after someone wrote or answered something worrying."""
    return_url = selectors.safe_return_url(request, request.GET.get("next"))
    couple, partner = couple_and_partner(request.user)
    plan = selectors.plan_of(request.user)
    noticed = noticed_for(request)
    return render(
        request,
        "safety/screen.html",
        {
            **_help_context(_country_code(request)),
            "return_url": return_url,
            "partner": partner,
            "notice": selectors.own_notice(request.user, couple),
            "plan_sections": selectors.plan_sections(plan),
            "noticed": noticed,
            "worried_too": any(entry.about_someone_else for entry in noticed),
            "worried_url": services.worried_url(return_url),
        },
    )


def worried(request):
    """'Worried about someone?': what to do now, who to call, how to talk about it.

    Open to everyone, like Get help. Nothing here is sent to anyone.
    """
    return_url = selectors.safe_return_url(request, request.GET.get("next"))
    partner, shared_plan = (None, None)
    if request.user.is_authenticated:
        partner, shared_plan = selectors.partner_plan_for(request.user)
    return render(
        request,
        "safety/worried.html",
        {
            **_help_context(_country_code(request, request.GET.get("country", ""))),
            "return_url": return_url,
            "came_from_writing": "next" in request.GET,
            "partner": partner,
            "partner_plan_sections": selectors.plan_sections(shared_plan),
            "noticed": noticed_for(request) if request.user.is_authenticated else [],
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
