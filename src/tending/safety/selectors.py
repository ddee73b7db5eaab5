import datetime as dt

from django.conf import settings
from django.db.models import Exists
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation.trans_real import parse_accept_lang_header

from tending.core.http import safe_next
from tending.couples.selectors import couple_and_partner
from tending.safety.crisis_lines import CountryLines, Directory, load_directory
from tending.safety.models import HardTimeNotice, SafetyPlan
from tending.safety.plan import PLAN_SECTIONS


def directory() -> Directory:
    return load_directory(settings.CRISIS_LINES_FILE)


def directory_page_key(own: CountryLines | None) -> str:
    """Names what Get help's directory shows: the same for everyone with the same country,
    language and crisis-line file, so it is rendered once and kept (see get_help.html)."""
    return repr((directory().version, get_language(), own.code if own else ""))


def country_from_accept_language(header: str) -> str:
    """A region hint such as ``en-GB`` → ``GB``; empty when the browser gives none."""
    for language, _ in parse_accept_lang_header(header or ""):
        if "-" in language:
            region = language.split("-")[-1]
            if len(region) == 2 and region.isalpha():
                return region.upper()
    return ""


def help_country(*, requested: str, user, accept_language: str) -> str:
    """The country whose lines come first: chosen on the page, in the profile, or guessed."""
    if requested:
        return requested.upper()
    if user.is_authenticated and user.country:
        return str(user.country.code)
    return country_from_accept_language(accept_language)


def lines_for(country_code: str) -> tuple[CountryLines | None, list[CountryLines]]:
    return directory().ordered_for(country_code)


def safe_return_url(request, candidate: str | None) -> str:
    """``candidate`` when it points back into Tending, otherwise home."""
    return safe_next(request, candidate, reverse("home:index"))


def plan_of(user) -> SafetyPlan | None:
    return SafetyPlan.objects.filter(user=user).first()


def plan_sections(plan: SafetyPlan | None) -> list[dict]:
    """The plan's sections that have something written in them, in order."""
    if plan is None:
        return []
    return [
        {"section": section, "text": getattr(plan, section.key)}
        for section in PLAN_SECTIONS
        if getattr(plan, section.key)
    ]


def partner_plan_for(viewer) -> tuple[object | None, SafetyPlan | None]:
    """The partner and their plan, only while paired and only when they shared it."""
    _, partner = couple_and_partner(viewer)
    if partner is None:
        return None, None
    return partner, SafetyPlan.objects.filter(user=partner, shared_with_partner=True).first()


def _running(now=None):
    """Notices not withdrawn and not expired at ``now`` (a time or a query expression)."""
    return HardTimeNotice.objects.filter(
        withdrawn_at__isnull=True, expires_at__gt=timezone.now() if now is None else now
    )


def own_notice(user, couple, *, now: dt.datetime | None = None) -> HardTimeNotice | None:
    """The person's running notice to their current partner, if any."""
    if couple is None:
        return None
    return _running(now).filter(user=user, couple=couple).first()


def partner_is_having_a_hard_time(couple, partner, *, now: dt.datetime | None = None) -> bool:
    """True while the partner has told this couple they are having a hard time."""
    if couple is None or partner is None:
        return False
    return _running(now).filter(user=partner, couple=couple).exists()


def home_facts(*, viewer, couple, partner, now) -> dict:
    if couple is None or partner is None:
        return {}
    return {
        "partner_hard_time": Exists(_running(now).filter(user=partner, couple=couple)),
        "has_own_hard_time_notice": Exists(_running(now).filter(user=viewer, couple=couple)),
    }


def home_cards(*, viewer, couple, partner, facts) -> dict:
    """Whether the partner is having a hard time, and the person's own running notice: no
    query beyond the facts while the person has none running."""
    has_own = facts.get("has_own_hard_time_notice")
    return {
        "partner_hard_time": bool(facts.get("partner_hard_time")),
        "my_hard_time_notice": own_notice(viewer, couple) if has_own else None,
    }
