from django.shortcuts import render

from tending.home.selectors import home_context


def home(request):
    if not request.user.is_authenticated:
        return render(request, "home/welcome.html")
    return render(request, "home/home.html", home_context(request.user))
