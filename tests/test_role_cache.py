"""The role look-up memory shared by the Slack and Teams adapters (adapters/role_cache.py)."""
from __future__ import annotations

import pytest

from adapters.role_cache import FAILED, RoleCache


class Clock:
    def __init__(self) -> None:
        self.at = 0.0

    def __call__(self) -> float:
        return self.at


class Lookups:
    """A platform that answers with what it is told to, counting the questions."""

    def __init__(self, *answers) -> None:
        self.answers = list(answers)
        self.asked = 0

    async def __call__(self):
        self.asked += 1
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


async def test_an_answer_is_kept_for_the_ttl_and_a_failure_for_less():
    """A role is asked once a minute; a failed look-up is asked again after its shorter time."""
    clock, platform = Clock(), Lookups("admin", "member", FAILED, "admin")
    cache = RoleCache(60, 15, monotonic=clock)
    assert await cache.get("u", platform) == "admin"
    clock.at = 59
    assert await cache.get("u", platform) == "admin" and platform.asked == 1
    clock.at = 61
    assert await cache.get("u", platform) == "member" and platform.asked == 2
    assert await cache.get("g", platform) is FAILED
    clock.at = 75
    assert await cache.get("g", platform) is FAILED and platform.asked == 3
    clock.at = 77
    assert await cache.get("g", platform) == "admin" and platform.asked == 4


async def test_an_exception_is_not_remembered():
    """A look-up that raised is asked again at once (Teams lets the error reach its caller)."""
    platform = Lookups(RuntimeError("graph down"), {"u1"})
    cache = RoleCache(60, monotonic=Clock())
    with pytest.raises(RuntimeError):
        await cache.get("owners", platform)
    assert await cache.get("owners", platform) == {"u1"} and platform.asked == 2


async def test_the_memory_is_bounded():
    """Past its limit the oldest half is forgotten."""
    clock = Clock()
    cache = RoleCache(60, monotonic=clock, limit=4)
    for n in range(5):
        clock.at = n
        await cache.get(f"k{n}", Lookups(n))
    platform = Lookups("again")
    assert await cache.get("k0", platform) == "again" and await cache.get("k4", platform) == 4
