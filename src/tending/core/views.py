from django.shortcuts import render

from tending.checkins.forms import ResponseForm
from tending.core.selectors import home_context


def home(request):
    if not request.user.is_authenticated:
        return render(request, "core/welcome.html")
    context = home_context(request.user)
    context["response_form"] = ResponseForm()
    return render(request, "core/home.html", context)
