from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from tending.core.http import form_problem
from tending.notifications import push, selectors, services
from tending.notifications.forms import DeviceForm, SettingsForm
from tending.notifications.tokens import read_token


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request):
    preferences = selectors.settings_for(request.user)
    holds_meetings = bool(selectors.couples_holding_meetings([request.user.pk]))
    form = SettingsForm(
        request.POST or None,
        initial=SettingsForm.initial_from(preferences),
        holds_meetings=holds_meetings,
    )
    if request.method == "POST" and form.is_valid():
        services.save_settings(user=request.user, values=form.values())
        messages.success(request, "Your notification settings are saved.")
        return redirect("notifications:settings")
    context = {
        "form": form,
        "devices": selectors.devices_of(request.user),
        "recent": selectors.recent_notifications(request.user),
        "server_key": push.application_server_key(),
    }
    return render(
        request, "notifications/settings.html", context, status=400 if form.errors else 200
    )


@login_required
@require_POST
def add_device(request):
    """Called by the page's script with this browser's new push subscription."""
    form = DeviceForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": form_problem(form)}, status=400)
    try:
        device = services.add_device(user=request.user, **form.cleaned_data)
    except services.NotificationError as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse({"id": device.pk, "name": device.name}, status=201)


@login_required
@require_POST
def forget_device(request):
    """Called by the page's script when notifications are turned off on this browser."""
    endpoint = request.POST.get("endpoint", "")
    removed = services.remove_device_by_endpoint(user=request.user, endpoint=endpoint)
    return JsonResponse({"removed": removed})


@login_required
@require_POST
def remove_device(request, device_id: int):
    if not services.remove_device(user=request.user, device_id=device_id):
        raise Http404("No such device")
    messages.success(request, "That device will get no more notifications.")
    return redirect("notifications:settings")


@login_required
@require_POST
def test_push(request):
    if services.send_test(user=request.user):
        messages.success(request, "A test notification is on its way to your devices.")
    else:
        messages.error(request, "Turn on notifications on a device first.")
    return redirect("notifications:settings")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def act(request, token: str):
    """A signed link from an e-mail or a notification: snooze, turn off, unsubscribe.

    GET shows one button (mail scanners open links, and must not act); POST acts, with
    no log-in, as the link names the person and the one thing it may do. A mail client's
    one-click unsubscribe (RFC 8058) is such a POST.
    """
    action = read_token(token)
    user = action and get_user_model().objects.filter(pk=action.user_id, is_active=True).first()
    if user is None:
        return render(request, "notifications/act.html", {"invalid": True}, status=404)
    if request.method == "POST":
        done = services.act(user=user, action=action, now=timezone.now())
        return render(request, "notifications/act.html", {"done": done})
    return render(request, "notifications/act.html", {"action": action})
