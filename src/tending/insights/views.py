from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tending.insights import selectors, services


@login_required
def overview(request):
    insights = selectors.insights_for(request.user, days=request.GET.get("days"))
    return render(request, "insights/overview.html", {"insights": insights})


@login_required
def week(request):
    summary = selectors.weekly_summary(
        request.user, week=selectors.chosen_week(request.user, request.GET.get("week"))
    )
    preferences = selectors.preferences_for(request.user)
    return render(request, "insights/week.html", {"summary": summary, "preferences": preferences})


@login_required
@require_POST
def preferences(request):
    enabled = request.POST.get("weekly_summary_email") == "on"
    services.set_weekly_summary_email(user=request.user, enabled=enabled)
    messages.success(
        request,
        "You will get this summary by e-mail each Monday."
        if enabled
        else "Weekly summary e-mails are off.",
    )
    return redirect("insights:week")
