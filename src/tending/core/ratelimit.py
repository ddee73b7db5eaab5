"""A sliding-window count of events per key, kept in the cache every app process shares.

Keys are hashed before they are stored, so an e-mail address or a device nonce never
appears in the cache table.
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache


class SlidingWindow:
    """At most ``limit`` events per key in any ``period`` seconds."""

    def __init__(self, scope: str, *, limit: int, period: int):
        self.scope = scope
        self.limit = limit
        self.period = period

    def _key(self, ident: str) -> str:
        return f"rate:{self.scope}:{hashlib.sha256(ident.encode()).hexdigest()}"

    def _recent(self, ident: str, now: float) -> list[float]:
        return [moment for moment in cache.get(self._key(ident), []) if moment > now - self.period]

    def count(self, ident: str) -> int:
        return len(self._recent(ident, time.time()))

    def hit(self, ident: str) -> None:
        now = time.time()
        recent = self._recent(ident, now)[-self.limit :]
        cache.set(self._key(ident), [*recent, now], self.period)

    def allow(self, ident: str) -> bool:
        """Count one more event and say whether it is within the limit."""
        if self.count(ident) >= self.limit:
            return False
        self.hit(ident)
        return True

    def clear(self, ident: str) -> None:
        cache.delete(self._key(ident))
