from tending.api.models import PersonalAccessToken


def tokens_of(user) -> list[PersonalAccessToken]:
    return list(PersonalAccessToken.objects.filter(user=user))
