"""One process on Discord's gateway at a time, however many workers run.

Discord delivers each interaction to every gateway connection of a bot that is not sharded, so two
workers connected at once would both answer. The worker holding this lock connects; the others
stand by, still delivering Discord posts over REST, and ask for the lock every `poll` seconds. The
lock lives in the database (`Store.try_lock`):
- on SQLite, a row in `locks` with a lease the holder renews every third of it: a holder that dies
  stops renewing, and once its lease has run out a standby takes the lock and connects;
- on PostgreSQL, a session-level advisory lock on a connection the holder keeps open, which the
  server drops the moment the holder's process dies (even kill -9): a standby takes over at its next
  ask, about a second later, with no lease to wait out; a holder that is alive but slow keeps it.
A holder that finds it has lost the lock (SQLite: it was frozen longer than the lease and a standby
took over; PostgreSQL: its session was lost and another worker got the lock) leaves the gateway at once.
"""
from __future__ import annotations

import logging
from datetime import UTC, timedelta

from bot.delivery.outbox import worker_id
from bot.ports import Clock, Store

log = logging.getLogger("peerbot.gateway")

LEASE = timedelta(seconds=20)  # a standby takes over at most this long after the holder died
NAME = "discord-gateway"
POLL = 1.0  # seconds between a standby's asks


class GatewayLock:
    def __init__(self, store: Store, clock: Clock, *, name: str = NAME, lease: timedelta = LEASE,
                 holder: str | None = None, every: float | None = None, poll: float | None = None):
        self.store = store
        self.clock = clock
        self.name = name
        self.lease = lease
        self.holder = holder or worker_id()
        # How often the holder renews: three times a lease, so a renewal late by a whole interval
        # still keeps the lock.
        self.every = lease.total_seconds() / 3 if every is None else every
        # How often a standby asks: often enough that on PostgreSQL it connects about a second after
        # the holder died (one cheap statement; on SQLite the lease decides when it may).
        self.poll = min(self.every, POLL) if poll is None else poll
        self.held = False

    @property
    def wait(self) -> float:
        """Seconds until the next renewal (holding) or ask (standing by)."""
        return self.every if self.held else self.poll

    def _stamp(self, delta: timedelta = timedelta(0)) -> str:
        # Milliseconds: a lease of a few seconds (tests) still compares correctly as text.
        return (self.clock.now() + delta).astimezone(UTC).isoformat(timespec="milliseconds")

    def acquire(self) -> bool:
        """Take the lock, or renew it when this holder has it; True while it is ours."""
        was = self.held
        self.held = self.store.try_lock(self.name, self.holder, self._stamp(), self._stamp(self.lease))
        if was and not self.held:
            log.error("another peerbot process took over the Discord gateway (this one missed its renewals)")
        return self.held

    def release(self) -> None:
        if self.held:
            self.store.unlock(self.name, self.holder)
            self.held = False
