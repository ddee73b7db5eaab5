from django.shortcuts import render

from tending.safety import selectors


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
