from tending.api.models import PersonalAccessToken


def tokens_of(user) -> list[PersonalAccessToken]:
    return list(PersonalAccessToken.objects.filter(user=user))


def profile_cards(*, viewer) -> dict:
    """The person's usable tokens and when each was last used, for their profile."""
    return {"tokens": list(PersonalAccessToken.objects.usable().filter(user=viewer))}
