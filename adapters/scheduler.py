"""APScheduler runs the clock; SQLite says what is due.

One job fires a second after every minute (schedules are to the minute) and asks the core to
`tick`: the database hands back only the schedules whose `next_due` has come (an indexed query, so
10,000 schedules cost nothing until they are due), the core claims each run, and the outbox
delivers it. Nothing about a schedule lives in APScheduler, so there is nothing to rebuild or keep
in step at start-up or when a facilitator changes one, and a tick that runs twice, late or in a
second process can never double a post. Every worker process runs this sweep, with no leader: the
database hands each due run to one of them (`advance_schedule`, a conditional update; on PostgreSQL
behind `FOR UPDATE SKIP LOCKED`). The same sweep runs scenario timers and takes over posts a dead
worker left claimed once their lease has run out (bot.delivery.outbox).

(An earlier design gave every schedule its own APScheduler cron job; building 10,000 of them took
seconds at start-up, and every minute's sweep still computed every schedule's fire times.)
"""
from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, timedelta

import psycopg
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from adapters import core_worker
from adapters.clockguard import ClockGuard
from bot.app import Bot
from bot.delivery.outbox import Outbox
from bot.messages import Post

log = logging.getLogger("peerbot.scheduler")

# A database that fails (SQLite's file, or PostgreSQL with PEERBOT_DATABASE_URL; psycopg's pool
# timeout is one of its OperationalErrors).
DATABASE_ERRORS = (sqlite3.Error, psycopg.Error)


class Registrar:
    def __init__(self, bot: Bot, outbox: Outbox, scheduler: AsyncIOScheduler | None = None,
                 guard: ClockGuard | None = None):
        self.bot = bot
        # The sweep's now: the clock, unless it jumped more than a day ahead (adapters.clockguard).
        self.guard = guard or ClockGuard(bot.clock)
        self.outbox = outbox
        # The tick runs on the core's thread: the first sweep over many schedules, or a database
        # locked by another process, then holds up no platform's answers.
        self.core = core_worker.for_bot(bot)
        grace = bot.settings.grace_minutes * 60
        # misfire_grace_time is deliberate: APScheduler's default of 1 s silently drops late jobs.
        self.scheduler = scheduler or AsyncIOScheduler(
            timezone=UTC, job_defaults={"misfire_grace_time": grace, "coalesce": True, "max_instances": 1})

    def load(self) -> int:
        """Set up the minute job; returns how many schedules the database holds."""
        self.scheduler.add_job(self.sweep, CronTrigger(second=1, timezone=UTC), id="sweep",
                               replace_existing=True)
        return self.bot.store.count_schedules()

    async def fire(self, schedule_id: int) -> None:
        """Tick one schedule now (what the minute sweep does for every due one)."""
        try:
            await self._deliver(await self.core.call(self.bot.tick, None, schedule_id))
        except DATABASE_ERRORS as e:
            self._database_failed(f"schedule {schedule_id}", e)

    async def sweep(self) -> None:
        try:
            await self._deliver(await self.core.call(self.bot.tick, self.guard.now()))
            # Posts a dead worker (or this one, in an outage) left claimed, once their lease ran out.
            await self.outbox.recover(timedelta(minutes=self.bot.settings.grace_minutes))
        except DATABASE_ERRORS as e:
            self._database_failed("the minute sweep", e)

    @staticmethod
    def _database_failed(what: str, error: Exception) -> None:
        # A locked or read-only file. While that lasts less than the grace period nothing is lost:
        # a run not yet claimed is still due, a claimed one is recovered, both by the next sweep.
        # One clear line, not APScheduler's traceback for a failed job.
        log.error("%s could not use the database (%s); the next sweep, within a minute, tries again", what, error)

    async def _deliver(self, posts: list[Post]) -> None:
        if posts:
            results = await self.outbox.send_claimed(posts)
            log.info("delivered %d of %d scheduled post(s)", sum(r.status == "sent" for r in results), len(results))
            # A refused post is kept on its schedule; its maker is told once, by direct message.
            notices = self.bot.delivered(results)
            if notices:
                await self.outbox.send_claimed(notices)

    def start(self) -> None:
        self.scheduler.start()

    def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
