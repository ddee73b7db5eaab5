"""The admin's "Crisis lines" page: every line with its source and when it was verified."""

from django.contrib import admin
from django.shortcuts import render
from django.utils import timezone

from tending.safety.selectors import directory


def crisis_lines(request):
    found = directory()
    today = timezone.localdate()
    rows = [
        {"country": country, "line": line, "stale": line.is_stale(today)}
        for country in found.countries
        for line in country.lines
    ]
    return render(
        request,
        "safety/admin/crisis_lines.html",
        {
            **admin.site.each_context(request),
            "title": "Crisis lines",
            "rows": rows,
            "to_verify": sum(row["stale"] for row in rows),
            "path": found.path,
            "emergency_numbers": found.emergency_numbers,
        },
    )
