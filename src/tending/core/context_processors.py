from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse


def site(request):
    return {"demo_mode": settings.DEMO_MODE}


@dataclass(frozen=True)
class NavSection:
    """One place in the main navigation and the views that belong to it."""

    label: str
    url_name: str
    icon: str
    apps: tuple[str, ...] = ()

    def is_current(self, match) -> bool:
        if match is None:
            return False
        return match.view_name == self.url_name or match.app_name in self.apps


PRIMARY_SECTIONS = (
    NavSection("Home", "home:index", "tab-home"),
    NavSection("Check in", "checkins:checkin", "tab-checkin"),
    NavSection(
        "Practices",
        "practices:index",
        "tab-practices",
        ("practices", "questions", "appreciations", "conversations", "breathing", "rituals"),
    ),
    NavSection("Coach", "coach:index", "tab-coach", ("coach",)),
)
MORE_SECTIONS = (
    NavSection("History", "checkins:history", "tab-history"),
    NavSection("Insights", "insights:overview", "tab-insights", ("insights",)),
    NavSection("Learn", "learn:articles", "tab-learn", ("learn",)),
    NavSection("Assessments", "assessments:index", "tab-assessments", ("assessments",)),
    NavSection("Partner", "couples:partner", "tab-partner", ("couples",)),
    NavSection("Reports", "reports:list", "tab-reports", ("reports",)),
    NavSection("Your data", "yourdata:index", "tab-yourdata", ("yourdata",)),
    NavSection("Profile", "accounts:profile", "tab-profile", ("accounts", "api")),
)


def _links(sections, match) -> list[dict]:
    return [
        {
            "label": s.label,
            "url": reverse(s.url_name),
            "icon": s.icon,
            "current": s.is_current(match),
        }
        for s in sections
    ]


def navigation(request):
    """The main navigation for people who are logged in: a few sections, the rest under More."""
    match = getattr(request, "resolver_match", None)
    on_help = {"nav_on_help": match is not None and match.app_name == "safety"}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return on_help
    more = _links(MORE_SECTIONS, match)
    return {
        **on_help,
        "nav_primary": _links(PRIMARY_SECTIONS, match),
        "nav_more": more,
        "nav_more_current": any(link["current"] for link in more),
    }
