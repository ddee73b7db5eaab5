from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tending.security.models import EventKind
from tending.security.services import record_event
from tending.yourdata import services


@login_required
@require_GET
def your_data(request):
    return render(request, "yourdata/your_data.html")


@login_required
@require_GET
def download(request):
    data = services.export_archive(user=request.user)
    record_event(user=request.user, kind=EventKind.EXPORT, request=request)
    response = HttpResponse(data, content_type="application/zip")
    filename = services.export_filename(request.user)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
