import datetime as dt

import pytest
from django.utils import timezone

from tending.assessments import scoring, services


@pytest.fixture
def record():
    """Store a result of ``key`` with ``answers`` (in item order), ``days_ago`` days back."""

    def record_result(user, key, answers, *, days_ago=0, sharing=None):
        result = services.record_result(
            user=user,
            instrument=scoring.get_instrument(key),
            answers=list(answers),
            now=timezone.now() - dt.timedelta(days=days_ago),
        )
        if sharing:
            services.set_sharing(user=user, result=result, sharing=sharing)
        return result

    return record_result
