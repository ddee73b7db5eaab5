"""The floor: a bare Django app that answers 204 and does nothing else, served the same way
as Tending, so live-update figures can be read as a ratio to what Django itself costs.

``/events/`` is the Server-Sent Events alternative at its cheapest: a stream that sends an
event at once and then one a second, as a page's open stream would while it watched for
news, so the benchmark can count how many pages one server keeps streaming at a time."""

import time

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="floor-" + "f" * 50,
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["127.0.0.1"],
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse, StreamingHttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def nothing_new(request):
    return HttpResponse(status=204)


def events(request):
    def stream():
        for second in range(30):
            yield f"data: {second}\n\n"
            time.sleep(1)

    return StreamingHttpResponse(stream(), content_type="text/event-stream")


urlpatterns = [path("live/", nothing_new), path("events/", events)]
application = get_wsgi_application()
