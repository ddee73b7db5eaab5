import functools
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

# The settings the shared layout's addresses and static files depend on.
LAYOUT_SETTINGS = frozenset({"ROOT_URLCONF", "STATIC_URL", "STORAGES", "FORCE_SCRIPT_NAME"})


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


# The addresses the layout's footer links to, by the name the base template reads.
FOOTER_URL_NAMES = {
    "get_help": "safety:get_help",
    "log_out": "accounts:logout",
    "log_in": "accounts:login",
    "sign_up": "accounts:signup",
}


@functools.cache
def _section_urls(script_prefix: str) -> dict[str, str]:
    """Every section's address, worked out once per process (and per script prefix)."""
    return {s.url_name: reverse(s.url_name) for s in (*PRIMARY_SECTIONS, *MORE_SECTIONS)}


@functools.cache
def _footer_urls(script_prefix: str) -> dict[str, str]:
    """The footer's addresses, worked out once per process (and per script prefix), since
    every page shows them and finding an address costs more than the rest of the footer."""
    return {key: reverse(url_name) for key, url_name in FOOTER_URL_NAMES.items()}


@receiver(setting_changed)
def _forget_rendered_layout(*, setting, **kwargs) -> None:
    """Addresses and static files change only with settings (in tests): start afresh then."""
    if setting in LAYOUT_SETTINGS:
        _section_urls.cache_clear()
        _footer_urls.cache_clear()
        caches["template_fragments"].clear()


def _links(sections, match, urls: dict[str, str]) -> list[dict]:
    return [
        {
            "label": s.label,
            "url": urls[s.url_name],
            "icon": s.icon,
            "current": s.is_current(match),
        }
        for s in sections
    ]


def navigation(request):
    """The main navigation for people who are logged in: a few sections, the rest under More.

    ``nav_key`` names everything the page header shows (who may see the navigation, which
    section is current, the site's address prefix and language), so the rendered header
    can be kept and reused for every page that has the same key. ``footer_urls`` are the
    addresses the footer links to, for everyone.
    """
    match = getattr(request, "resolver_match", None)
    on_help = match is not None and match.app_name == "safety"
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    script_prefix = get_script_prefix()
    layout = {
        "nav_on_help": on_help,
        "signed_in": signed_in,
        "footer_urls": _footer_urls(script_prefix),
    }
    if not signed_in:
        key = (script_prefix, get_language(), "out", on_help)
        return {**layout, "nav_key": repr(key)}
    urls = _section_urls(script_prefix)
    primary = _links(PRIMARY_SECTIONS, match, urls)
    more = _links(MORE_SECTIONS, match, urls)
    current = "".join("1" if link["current"] else "0" for link in (*primary, *more))
    key = (script_prefix, get_language(), "in", on_help, current)
    return {
        **layout,
        "nav_primary": primary,
        "nav_more": more,
        "nav_more_current": any(link["current"] for link in more),
        "nav_key": repr(key),
    }
