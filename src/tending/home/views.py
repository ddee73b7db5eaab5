from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from tending.couples.selectors import live_version_of
from tending.home import live as live_poll
from tending.home import pwa
from tending.home.selectors import home_context

# Tells htmx to stop polling: the person is no longer logged in.
STOP_POLLING = 286
SERVICE_WORKER_TEMPLATE = "home/pwa/sw.js"


def home(request):
    if not request.user.is_authenticated:
        return render(request, "home/welcome.html")
    return render(request, "home/home.html", home_context(request.user))


@require_GET
def live(request):
    """Polled by open pages every few seconds: 204 while the couple's version is the one
    the page shows; otherwise a poller with the new version and a ``live-changed`` event,
    on which the page's live parts fetch themselves again."""
    if not request.user.is_authenticated:
        return HttpResponse(status=STOP_POLLING)
    version = live_version_of(request.user)
    if request.GET.get("v") == version:
        return HttpResponse(status=204)
    context = {"live_version": version, "live_token": live_poll.token_for(request.user)}
    response = render(request, "home/_live.html", context)
    response["HX-Trigger"] = "live-changed"
    return response


@require_GET
@cache_control(max_age=3600, public=True)
def manifest(request):
    response = JsonResponse(pwa.manifest())
    response["Content-Type"] = "application/manifest+json"
    return response


@require_GET
@cache_control(no_cache=True, max_age=0)
def service_worker(request):
    template = get_template(SERVICE_WORKER_TEMPLATE)
    context = pwa.worker_context(template.template.source)
    response = HttpResponse(template.render(context), content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def offline(request):
    return render(request, "home/offline.html")
