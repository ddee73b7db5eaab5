"""After someone writes: whether to show the safety screen or "Worried about someone?".

Views that save what a person wrote call ``page_after_writing``. It reads the text for
warning signs and, when it finds one, returns the page to go to next and remembers,
encrypted in the person's session, which words it noticed, so that page can say why it
opened. Nothing is stored anywhere else, and nothing is sent to the partner.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from tending.core.encryption import UndecryptableTextError, decrypt, encrypt
from tending.safety.crisis_language import CrisisMatch, CrisisReading, read_crisis_language

SESSION_KEY = "safety_noticed"
TOKEN_PARAMETER = "noticed"


@dataclass(frozen=True)
class Noticed:
    """Words that opened a page, and the warning sign they belong to.

    ``possible``: the words can also mean something everyday; the page says "perhaps".
    """

    words: str
    sign: str
    about_someone_else: bool
    possible: bool = False


def read_texts(*texts: str | None) -> CrisisReading:
    """Every warning sign in everything the person just wrote."""
    matches: list[CrisisMatch] = []
    for text in texts:
        matches.extend(read_crisis_language(text).matches)
    return CrisisReading(tuple(matches))


def page_for(reading: CrisisReading) -> str | None:
    """The safety screen when the writer may be at risk, else the page for the worried."""
    if reading.concerns_self:
        return reverse("safety:screen")
    if reading.concerns_someone_else:
        return reverse("safety:worried")
    return None


def page_after_writing(request, *texts: str | None, next_url: str) -> str | None:
    """Where to send the person after saving ``texts``, or None when nothing was found."""
    reading = read_texts(*texts)
    page = page_for(reading)
    if page is None:
        return None
    token = secrets.token_urlsafe(8)
    noticed = [
        {
            "words": match.text,
            "sign": match.group_label,
            "other": match.about_someone_else,
            "possible": match.possible,
        }
        for match in reading.matches
    ]
    request.session[SESSION_KEY] = {"token": token, "noticed": encrypt(json.dumps(noticed))}
    return f"{page}?{urlencode({'next': next_url, TOKEN_PARAMETER: token})}"


def noticed_for(request) -> list[Noticed]:
    """The words that opened this page, when it was opened right after writing them."""
    stored = request.session.get(SESSION_KEY)
    token = request.GET.get(TOKEN_PARAMETER, "")
    if not isinstance(stored, dict) or not token or stored.get("token") != token:
        return []
    try:
        entries = json.loads(decrypt(stored["noticed"]))
    except (KeyError, TypeError, ValueError, UndecryptableTextError):
        return []
    return [
        Noticed(
            words=entry["words"],
            sign=entry["sign"],
            about_someone_else=entry["other"],
            possible=entry.get("possible") is True,
        )
        for entry in entries
        if isinstance(entry, dict) and {"words", "sign", "other"} <= set(entry)
    ]
