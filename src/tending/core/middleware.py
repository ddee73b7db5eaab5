from django.utils import timezone, translation

from tending.core.timezones import zone_for


class UserPreferencesMiddleware:
    """Shows times in the person's own time zone and pages in their language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            timezone.activate(zone_for(user))
            if user.language:
                translation.activate(user.language)
                request.LANGUAGE_CODE = user.language
        else:
            timezone.deactivate()
        return self.get_response(request)
