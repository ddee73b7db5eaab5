"""Fixtures for notifications: a push service on 127.0.0.1 that Tending may send to."""

import pytest

from tests.support.push import PushService


@pytest.fixture
def push_service(settings):
    settings.PUSH_ALLOW_LOCAL_ENDPOINTS = True
    service = PushService().start()
    yield service
    service.stop()
