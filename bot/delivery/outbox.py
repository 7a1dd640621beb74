"""Delivering posts: at most once, paced per channel, patient with rate limits and outages.

Every post has a unique key. The outbox claims the key in the store before sending (whoever
claims first sends; a second process or a rerun skips it), sends through the platform's
`Transport`, and records the platform's message id. Rate limits wait the `Retry-After` the
platform asked for; outages retry with exponential backoff; when a failure leaves it unclear
whether a message went out, the transport is asked (`find_sent`) before sending again.

Several workers may share one database. A sender holds each post it sends under a lease (its
worker id and an expiry in the store) and renews it while pacing, waiting out a rate limit or
backing off. A worker that dies stops renewing; once its lease runs out, `recover` in any worker
(every minute's sweep) takes the post over and checks the platform before sending it, so a kill
neither loses nor doubles it. A post this worker gave up on for now has its lease let go at once.
The lease must outlast one send attempt (the transports' HTTP timeouts are 30 s or less).
"""
from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from bot.delivery.wire import dump_post, load_post
from bot.errors import DeliveryError, RateLimited, Refused, Unavailable
from bot.messages import Post
from bot.ports import Clock, Deliveries

log = logging.getLogger("peerbot.outbox")

LEASE = timedelta(seconds=60)


def worker_id() -> str:
    """Names this worker in the store: host and process id (for people reading the table), plus a
    random part, since a restarted container can reuse both."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="seconds")


def claim_posts(store: Deliveries, clock: Clock, posts: list[Post]) -> list[Post]:
    """Claim every post nobody claimed before; returns the ones now ours (at most once). All in
    one transaction, so a crash never leaves part of a multi-part post (a session's steps) unclaimed."""
    now = clock.now().isoformat(timespec="seconds")
    won = store.claim_deliveries([(p.key, p.where.channel_key, dump_post(p)) for p in posts], now)
    return [p for p, ours in zip(posts, won, strict=True) if ours]  # one answer per claim


class Transport(Protocol):
    """One platform's way of sending a post. Raises `RateLimited`, `Unavailable` or
    `DeliveryError` (permanent). `min_interval` is the pace per channel, in seconds."""

    min_interval: float

    async def send(self, post: Post, thread_ref: str | None) -> str: ...

    async def find_sent(self, post: Post, thread_ref: str | None) -> str | None: ...


@dataclass
class Delivered:
    key: str
    status: str  # sent | skipped (already claimed) | failed | pending (left for recovery)
    ref: str = ""
    reason: str = ""  # why a failed post was refused (`bot.delivery.reach.REASONS`), for telling people


class Outbox:
    def __init__(self, store: Deliveries, transports: dict[str, Transport], clock: Clock, *,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 monotonic: Callable[[], float] = time.monotonic,
                 max_attempts: int = 6, max_backoff: float = 30.0, parallel_channels: int = 32,
                 lease: timedelta = LEASE, worker: str | None = None):
        self.store = store
        self.lease = lease
        self.worker = worker or worker_id()
        self._lease_end: datetime | None = None  # how far this worker's leases reach
        self.transports = transports
        self.clock = clock
        self.sleep = sleep
        self.monotonic = monotonic
        self.max_attempts = max_attempts
        self.max_backoff = max_backoff
        self._last_sent: dict[str, float] = {}
        self._channel_locks: dict[str, asyncio.Lock] = {}
        self._parallel = asyncio.Semaphore(parallel_channels)
        # Keys this process is sending right now. Still "claimed" in the store, they look unfinished
        # to `recover` (the minute sweep), which must not send them a second time.
        self._sending: set[str] = set()

    def claim(self, posts: list[Post]) -> list[Post]:
        return claim_posts(self.store, self.clock, posts)

    async def deliver(self, posts: list[Post]) -> list[Delivered]:
        ours = {p.key for p in self.claim(posts)}
        results = [Delivered(p.key, "skipped") for p in posts if p.key not in ours]
        results += await self.send_claimed([p for p in posts if p.key in ours])
        return results

    async def send_claimed(self, posts: list[Post], recovering: bool = False) -> list[Delivered]:
        busy = [Delivered(p.key, "skipped") for p in posts if p.key in self._sending]
        posts = [p for p in posts if p.key not in self._sending]
        if posts:  # ours to send only while we hold the lease; another worker took over any we don't
            held = self.store.hold_deliveries([p.key for p in posts], self.worker, _stamp(self._extend()))
            busy += [Delivered(p.key, "skipped") for p in posts if p.key not in held]
            posts = [p for p in posts if p.key in held]
        self._sending.update(p.key for p in posts)
        by_channel: dict[str, list[Post]] = {}
        for post in posts:
            by_channel.setdefault(post.where.channel_key, []).append(post)

        async def run_channel(channel_posts: list[Post]) -> list[Delivered]:
            done: list[Delivered] = []
            try:
                async with self._parallel:
                    for post in channel_posts:
                        done.append(await self._send_one(post, recovering))
                return done
            finally:  # done, failed or cancelled: from now on, recovery (any worker's) may have what is left
                finished = {d.key for d in done if d.status != "pending"}
                left = [p.key for p in channel_posts if p.key not in finished]
                if left:
                    self.store.release_deliveries(left, self.worker, _stamp(self.clock.now()))
                self._sending.difference_update(p.key for p in channel_posts)

        batches = await asyncio.gather(*(run_channel(ps) for ps in by_channel.values()))
        return busy + [d for batch in batches for d in batch]

    async def recover(self, grace: timedelta) -> list[Delivered]:
        """Finish posts claimed but never confirmed, if still within `grace`: those whose sender died
        (its lease ran out), crashed before holding them, or gave up on them for now (an outage)."""
        now = self.clock.now()
        rows = self.store.take_over_deliveries(self.worker, _stamp(now), _stamp(now - self.lease),
                                               _stamp(now - grace), _stamp(self._extend()))
        if rows:
            log.info("taking over %d post(s) claimed but not confirmed as sent", len(rows))
        return await self.send_claimed([load_post(row.payload) for row in rows], recovering=True)

    def _extend(self, ahead: float = 0.0) -> datetime:
        """Where this worker's leases must reach: a lease from now, plus `ahead` seconds of waiting."""
        end = self.clock.now() + self.lease + timedelta(seconds=ahead)
        if self._lease_end is None or end > self._lease_end:
            self._lease_end = end
        return self._lease_end

    def _renew(self, ahead: float = 0.0) -> None:
        """Renew this worker's leases (one statement for all of them) before a send or a wait, when
        they would otherwise run short: a third of a lease left, or a wait longer than what is left."""
        now = self.clock.now()
        if (self._lease_end is not None and self._lease_end - now > self.lease * 2 / 3
                and self._lease_end >= now + timedelta(seconds=ahead) + self.lease / 3):
            return
        self.store.renew_leases(self.worker, _stamp(self._extend(ahead)))

    async def _wait(self, seconds: float) -> None:
        self._renew(seconds)
        await self.sleep(seconds)

    def _thread_ref(self, post: Post) -> str | None:
        if not post.thread_of:
            return None
        parent = self.store.delivery(post.thread_of)
        return parent.ref if parent and parent.ref else None

    async def _pace(self, channel: str, interval: float) -> None:
        lock = self._channel_locks.setdefault(channel, asyncio.Lock())
        async with lock:
            last = self._last_sent.get(channel)
            if last is not None:
                wait = interval - (self.monotonic() - last)
                if wait > 0:
                    await self._wait(wait)
            self._last_sent[channel] = self.monotonic()

    async def _send_one(self, post: Post, recovering: bool) -> Delivered:
        transport = self.transports.get(post.where.platform)
        if transport is None:
            log.error("no transport for platform %s; post %s left for recovery", post.where.platform, post.key)
            return Delivered(post.key, "pending")
        thread_ref = self._thread_ref(post)
        unclear = recovering  # after a crash we cannot know whether the last attempt went out
        attempts, waits = 0, 0
        while True:
            try:
                if unclear:
                    found = await transport.find_sent(post, thread_ref)
                    if found:
                        self.store.finish_delivery(post.key, "sent", found)
                        return Delivered(post.key, "sent", found)
                await self._pace(post.where.channel_key, transport.min_interval)
                self._renew()
                ref = await transport.send(post, thread_ref)
                self.store.finish_delivery(post.key, "sent", ref)
                return Delivered(post.key, "sent", ref)
            except RateLimited as e:
                # The platform refused before posting: nothing went out, so no check is needed.
                waits += 1
                if waits > 20:
                    log.warning("post %s still rate limited after %d waits; left for recovery", post.key, waits)
                    return Delivered(post.key, "pending")
                await self._wait(max(e.retry_after, 0.0))
            except Unavailable as e:
                attempts += 1
                unclear = True
                if attempts >= self.max_attempts:
                    log.warning("post %s not delivered after %d attempts (%s); left for recovery",
                                post.key, attempts, e)
                    return Delivered(post.key, "pending")
                await self._wait(min(self.max_backoff, 2.0 ** (attempts - 1)))
            except DeliveryError as e:
                log.error("post %s refused by the platform: %s", post.key, e)
                self.store.finish_delivery(post.key, "failed")
                return Delivered(post.key, "failed", reason=e.reason if isinstance(e, Refused) else "other")
