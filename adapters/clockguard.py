"""The minute sweep's idea of now: the system clock, unless it jumps more than a day ahead.

A tick at an instant far in the future counts every run up to it as done: the schedule's next runs
are then years away and never post (a mistaken `peerbot tick --at` reached 2046 that way). The
command line refuses such an instant; a running bot cannot refuse its own clock, but it can notice
a jump: between two sweeps the wall clock should move about as far as the monotonic clock. When it
moves more than `JUMP` further, the sweep keeps to where the clock should be and says so once, so
no schedule is moved past runs it has not posted. A jump back is harmless (post keys make a repeated
run a no-op) and is simply followed. A restart takes the clock as it then is.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.ports import Clock

log = logging.getLogger("peerbot.scheduler")
JUMP = timedelta(days=1)


class ClockGuard:
    def __init__(self, clock: Clock, monotonic: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.monotonic = monotonic
        self._anchor: tuple[datetime, float] | None = None
        self._warned = False

    def now(self) -> datetime:
        wall, mono = self.clock.now(), self.monotonic()
        if self._anchor is not None:
            expected = self._anchor[0] + timedelta(seconds=mono - self._anchor[1])
            if wall - expected > JUMP:
                if not self._warned:
                    log.error("the system clock jumped ahead to %s, %s past where it should be; schedules keep "
                              "to %s until the clock is right again or peerbot is restarted",
                              wall.isoformat(timespec="seconds"), wall - expected,
                              expected.isoformat(timespec="seconds"))
                    self._warned = True
                return expected  # the anchor stays: the jump is measured from the last good reading
        self._anchor, self._warned = (wall, mono), False
        return wall
