"""A short memory of platform role look-ups, shared by the Slack and Teams adapters.

A burst of button presses should cost one look-up, not one each: an answer is kept for `ttl`
seconds. A look-up that failed can be kept too, as `FAILED`, for the shorter `failed_ttl`, so an
app without the permission (or a platform outage) does not cost a round trip and a warning on every
request. The memory is bounded: past `limit` entries the oldest half is dropped.
"""
from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

FAILED = object()  # what a fetch returns (and the cache keeps, briefly) for a look-up that failed


class RoleCache:
    def __init__(self, ttl: float = 60.0, failed_ttl: float | None = None, *,
                 monotonic: Callable[[], float] = time.monotonic, limit: int = 5000):
        self.ttl = ttl
        self.failed_ttl = ttl if failed_ttl is None else failed_ttl
        self.monotonic = monotonic
        self.limit = limit
        self._entries: dict[str, tuple[float, Any]] = {}

    async def get(self, key: str, fetch: Callable[[], Awaitable[Any]]) -> Any:
        """The remembered value for `key` while fresh, else `fetch()`'s, remembered. An exception
        from `fetch` is not remembered: it reaches the caller, and the next call asks again."""
        hit = self._entries.get(key)
        if hit and self.monotonic() - hit[0] < (self.failed_ttl if hit[1] is FAILED else self.ttl):
            return hit[1]
        value = await fetch()
        self._entries[key] = (self.monotonic(), value)
        if len(self._entries) > self.limit:
            for old in sorted(self._entries, key=lambda k: self._entries[k][0])[:self.limit // 2]:
                del self._entries[old]
        return value
