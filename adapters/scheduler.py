"""APScheduler as a thin registrar over the schedules in SQLite.

At start-up every schedule becomes one job with a stable id (`s<id>`, `replace_existing=True`);
when a facilitator changes a schedule the core tells us and the job follows. A job only asks the
core to `tick` that schedule: the database decides what is due and claims it, so a job that fires
twice, late or in a second process can never double a post. A one-minute sweep catches anything
else due (scenario timers, runs missed while down, posts a crash left claimed but unsent).
"""
from __future__ import annotations

import logging
import sqlite3
from datetime import timedelta, timezone
from typing import Awaitable, Callable

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.app import Bot
from bot.messages import Post
from bot.outbox import Outbox
from bot.schedule_spec import Rule, trigger, zone
from bot.schedules import channel_tz

log = logging.getLogger("peerbot.scheduler")


class Registrar:
    def __init__(self, bot: Bot, outbox: Outbox, scheduler: AsyncIOScheduler | None = None):
        self.bot = bot
        self.outbox = outbox
        grace = bot.settings.grace_minutes * 60
        # misfire_grace_time is deliberate: APScheduler's default of 1 s silently drops late jobs.
        self.scheduler = scheduler or AsyncIOScheduler(
            timezone=timezone.utc, job_defaults={"misfire_grace_time": grace, "coalesce": True, "max_instances": 1})
        bot.schedule_listeners.append(self.register)

    def load(self) -> int:
        rows = self.bot.store.schedules()
        for row in rows:
            self._add(row)
        self.scheduler.add_job(self.sweep, IntervalTrigger(minutes=1), id="sweep", replace_existing=True)
        return len(rows)

    def _add(self, row: dict) -> None:
        trig = trigger(Rule.decode(row["rule"]), zone(channel_tz(self.bot, row["channel"])))
        self.scheduler.add_job(self.fire, trig, args=[row["id"]], id=f"s{row['id']}", replace_existing=True)

    def register(self, schedule_id: int) -> None:
        row = self.bot.store.schedule(schedule_id)
        if row is None:
            if self.scheduler.get_job(f"s{schedule_id}"):
                self.scheduler.remove_job(f"s{schedule_id}")
            return
        self._add(row)

    async def fire(self, schedule_id: int) -> None:
        try:
            await self._deliver(self.bot.tick(only=schedule_id))
        except sqlite3.Error as e:
            self._database_failed(f"schedule {schedule_id}", e)

    async def sweep(self) -> None:
        try:
            await self._deliver(self.bot.tick())
            await self.outbox.recover(timedelta(minutes=self.bot.settings.grace_minutes))
        except sqlite3.Error as e:
            self._database_failed("the minute sweep", e)

    @staticmethod
    def _database_failed(what: str, error: sqlite3.Error) -> None:
        # A locked or read-only file. While that lasts less than the grace period nothing is lost:
        # a run not yet claimed is still due, a claimed one is recovered, both by the next sweep.
        # One clear line, not APScheduler's traceback for a failed job.
        log.error("%s could not use the database (%s); the next sweep, within a minute, tries again", what, error)

    async def _deliver(self, posts: list[Post]) -> None:
        if posts:
            results = await self.outbox.send_claimed(posts)
            log.info("delivered %d of %d scheduled post(s)", sum(r.status == "sent" for r in results), len(results))

    def start(self) -> None:
        self.scheduler.start()

    def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
