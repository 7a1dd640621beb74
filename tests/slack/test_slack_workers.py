"""Several worker processes on one database, with no leader: each runs the real tick and outbox
(`peerbot tick`, as cron or a supervisor would start it) against one database and the fake Slack on
127.0.0.1. Every test runs twice: on one SQLite file, and on one PostgreSQL database (marked
`postgres`: the session's throwaway server, tests/postgres_server.py). Every scheduled post reaches Slack exactly once, however the workers race, and when a
worker is killed with SIGKILL in the middle of delivering, another takes its posts over once the
lease runs out, checking Slack before resending: nothing lost, nothing doubled.

No sleeping: the test waits on the workers' exits and on what the fake Slack records, within deadlines.
"""
from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from slack_harness import SECRET

from bot.records import Delivery, Schedule
from bot.schedules.spec import parse_rule
from storage.sqlite import SqliteStore
from testing.fake_slack import FakeSlack

PEERBOT = Path(sys.executable).parent / "peerbot"
DUE = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # Monday 10:00 in Toronto


@dataclass
class Database:
    """The one database the workers share: a SQLite file, or a PostgreSQL database's URL."""

    folder: Path
    url: str = ""  # PostgreSQL's; empty for SQLite

    def open(self) -> Any:
        if self.url:
            from storage.postgres import PostgresStore

            return PostgresStore(self.url)
        return SqliteStore(self.folder / "peerbot.db")

    def env(self) -> dict[str, str]:
        """What points a worker at it (PEERBOT_DATABASE_URL wins over PEERBOT_DB)."""
        return {"PEERBOT_DATABASE_URL": self.url} if self.url else {"PEERBOT_DB": str(self.folder / "peerbot.db")}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path) -> Database:
    if request.param == "postgres":
        return Database(tmp_path, request.getfixturevalue("postgres_url"))
    return Database(tmp_path)


def schedules(db: Database, reflections: dict[str, int], sessions: int = 0) -> int:
    """Weekly schedules in their own Toronto channels: `reflections` maps "HH:MM" to how many fall
    due then on Monday 30 November; `sessions` six-part sessions at 10:00. Returns the posts due.

    As a person makes them, none knows yet when it is next due (`next_due` is empty): the first
    tick of any worker works that out, whichever minute it ticks."""
    store = db.open()
    created = (DUE - timedelta(days=60)).isoformat(timespec="seconds")
    rows = [("reflection", at) for at, n in reflections.items() for _ in range(n)] + [("session", "10:00")] * sessions
    with store.transaction():
        for n, (kind, at) in enumerate(rows):
            cid = f"C{n:04d}"
            store.add_schedule(Schedule(channel=f"slack:T1:{cid}", platform="slack", workspace="T1", channel_id=cid,
                                        kind=kind, recurrence=parse_rule(f"every monday {at}").rrule_text(),
                                        created_by="UFAC", created_at=created,
                                        last_fired_at=(DUE - timedelta(minutes=1)).isoformat()))
            store.set_channel_timezone(f"slack:T1:{cid}", "America/Toronto")
    store.close()
    return sum(reflections.values()) + 6 * sessions


async def worker(db: Database, fake: FakeSlack, at: datetime, lease: int = 60) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "PEERBOT_", "TEAMS_"))}
    env.update(SLACK_BOT_TOKEN="xoxb-test-token", SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=fake.api_url,
               PEERBOT_LOG_LEVEL="WARNING", PEERBOT_LEASE_SECONDS=str(lease), **db.env())
    return await asyncio.create_subprocess_exec(str(PEERBOT), "tick", "--force", "--at", at.isoformat(), cwd=db.folder,
                                                env=env, stdout=asyncio.subprocess.DEVNULL,
                                                stderr=asyncio.subprocess.PIPE)


async def delivered_by(process: asyncio.subprocess.Process, timeout: float = 60.0) -> int:
    """How many posts a finished worker says it delivered (its exit must be clean)."""
    _, err = await asyncio.wait_for(process.communicate(), timeout)
    said = err.decode()
    assert process.returncode == 0, said
    return int(re.search(r"(\d+) post\(s\) delivered", said).group(1))


def keys_on_slack(fake: FakeSlack) -> Counter:
    return Counter(m["metadata"]["event_payload"]["key"] for m in fake.messages)


def sent(db: Database) -> int:
    store = db.open()
    try:
        return sum(1 for row in store.everything()["deliveries"] if row["status"] == "sent")
    finally:
        store.close()


async def until(condition, timeout: float = 20.0) -> None:
    """Poll another process's progress in the database briefly, within a deadline."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.05)


def unfinished(db: Database) -> list[Delivery]:
    store = db.open()
    try:
        return store.unfinished_deliveries("")
    finally:
        store.close()


async def test_four_workers_ticking_one_database_deliver_every_post_exactly_once(db: Database, fake: FakeSlack):
    """Four workers start at once on one database, two ticking the 10:00 minute and two 10:01, with
    20 posts due at each: every one of the 40 posts reaches Slack exactly once, and the workers' own
    counts add up to 40 (no post handed to two of them)."""
    total = schedules(db, {"10:00": 20, "10:01": 20})
    minutes = [DUE + timedelta(seconds=30), DUE + timedelta(minutes=1, seconds=30)] * 2
    workers = [await worker(db, fake, at) for at in minutes]
    counts = await asyncio.gather(*(delivered_by(w) for w in workers))
    on_slack = keys_on_slack(fake)
    assert len(on_slack) == total == sum(counts) and set(on_slack.values()) == {1}
    assert unfinished(db) == []


async def test_a_worker_killed_mid_delivery_has_its_posts_taken_over_once_its_lease_runs_out(db: Database, fake):
    """A worker delivering 12 posts is killed with SIGKILL once Slack has answered all of them:
    seven went out, three went out but the answers were lost, two were refused with a 503, and the
    worker's check on those five waits. Later workers leave its posts alone while its 2-second
    lease may be running, then take them over: the three are found on Slack and not resent, the
    two are sent, and every post is on Slack exactly once."""
    total = schedules(db, {"10:00": 12})
    fake.fail_next("chat.postMessage", 503, after_posting=True, times=3)  # landed; the answer lost
    fake.fail_next("chat.postMessage", 503, times=2)  # did not land
    history = fake.hold("conversations.history")  # its check whether they landed waits, until the kill
    doomed = await worker(db, fake, DUE + timedelta(seconds=30), lease=2)
    await fake.wait_for("chat.postMessage", count=12, timeout=30)
    await until(lambda: sent(db) == 7)  # it recorded the seven; the other five wait on Slack's history
    doomed.send_signal(signal.SIGKILL)
    await doomed.wait()
    history.set()
    left = unfinished(db)
    assert len(keys_on_slack(fake)) == 10 and len(left) == 5
    assert len({row.worker for row in left}) == 1  # all under the dead worker's lease

    deadline = asyncio.get_running_loop().time() + 30
    while unfinished(db):  # what every worker's minute sweep does: tick, then take over what ran out
        assert asyncio.get_running_loop().time() < deadline, unfinished(db)
        await delivered_by(await worker(db, fake, DUE + timedelta(minutes=1, seconds=30), lease=2))
    on_slack = keys_on_slack(fake)
    assert len(on_slack) == total and set(on_slack.values()) == {1}
    assert fake.called("conversations.history")  # the takeover checked Slack before resending
