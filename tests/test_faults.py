"""The faults `bench/faults.py` found, each pinned by a fast test: a crash between the claims of a
multi-part post, the minute sweep resending what is still being sent, a database peerbot cannot
use (locked, read-only, not a database), and a content file that is not UTF-8. Nothing here
sleeps: a slow platform is an `asyncio.Event` the test opens."""
from __future__ import annotations

import asyncio
import logging
import shutil
import sqlite3
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from adapters.cli import main as cli
from adapters.scheduler import Registrar
from bot.content.catalog import load_catalog
from bot.delivery.outbox import Outbox
from bot.errors import ContentError
from bot.messages import Post, Reply, Where
from tests.conftest import ROOT, Chat, reopen

DUE = datetime(2026, 11, 30, 15, 0, 30, tzinfo=UTC)  # Monday 10:00:30 in Toronto


class Recording:
    """A platform that records every message and can hold sends until the test opens `gate`."""

    min_interval = 0.0

    def __init__(self, gate: asyncio.Event | None = None):
        self.gate = gate
        self.sent: Counter[str] = Counter()

    async def send(self, post: Post, thread_ref: str | None) -> str:
        if self.gate is not None:
            await self.gate.wait()
        self.sent[post.key] += 1
        return f"m-{post.key}"

    async def find_sent(self, post: Post, thread_ref: str | None) -> str | None:
        return f"m-{post.key}" if self.sent[post.key] else None


class Crash(BaseException):
    """The process dying between two statements (BaseException: nothing may catch it)."""


def test_a_crash_between_the_claims_of_a_session_leaves_no_step_behind(bot, facilitator: Chat, settings,
                                                                        clock, catalog, monkeypatch):
    """A session is six posts. Dying after the first is claimed used to strand the other five:
    the restart saw the run taken and never claimed its steps. Claims now go in together."""
    facilitator.say("/peer schedule session every monday 10:00")
    clock.set(DUE)
    claim = bot.store.claim_delivery
    calls = []

    def dies_on_the_second(*args, **kwargs):
        calls.append(args[0])
        if len(calls) == 2:
            raise Crash
        return claim(*args, **kwargs)

    monkeypatch.setattr(bot.store, "claim_delivery", dies_on_the_second)
    with pytest.raises(Crash):
        bot.tick()
    restarted = reopen(bot, settings, clock, catalog)
    platform = Recording()
    outbox = Outbox(restarted.store, {"test": platform}, clock)

    async def restart() -> None:  # what `peerbot run` does on start, then its minute sweep
        await outbox.recover(timedelta(hours=1))
        await outbox.send_claimed(restarted.tick())
        await outbox.recover(timedelta(hours=1))

    asyncio.run(restart())
    assert len(platform.sent) == 6 and set(platform.sent.values()) == {1}
    restarted.store.close()


async def test_the_minute_sweep_leaves_alone_what_is_still_being_sent(bot, clock):
    """Posts claimed and waiting their turn look unfinished in the store; the sweep's recovery
    running meanwhile must not send them a second time."""
    gate = asyncio.Event()
    platform = Recording(gate)
    outbox = Outbox(bot.store, {"test": platform}, clock)
    posts = [Post(Where("test", "team", "c-general"), Reply(f"part {i}"), key=f"fanout:{i}") for i in range(3)]
    fanout = asyncio.ensure_future(outbox.deliver(posts))
    await asyncio.sleep(0)  # the fan-out has claimed its posts and is held at the first send
    sweep = asyncio.ensure_future(outbox.recover(timedelta(hours=1)))
    await asyncio.sleep(0)
    gate.set()
    swept = await sweep
    await fanout
    assert swept == []  # under this worker's lease: nothing to take over
    assert platform.sent == {f"fanout:{i}": 1 for i in range(3)}
    assert [d.status for d in await outbox.recover(timedelta(hours=1))] == []


async def test_a_post_cut_short_by_the_database_is_recovered_once(bot, clock, monkeypatch):
    """The message went out but recording it failed (the file locked): the sweep checks the
    platform and records it, and the posts behind it in the channel still go out, once."""
    platform = Recording()
    outbox = Outbox(bot.store, {"test": platform}, clock)
    finish = bot.store.finish_delivery
    failures = iter([sqlite3.OperationalError("database is locked")])

    def locked_once(*args, **kwargs):
        error = next(failures, None)
        if error is not None:
            raise error
        return finish(*args, **kwargs)

    monkeypatch.setattr(bot.store, "finish_delivery", locked_once)
    posts = [Post(Where("test", "team", "c-general"), Reply(f"part {i}"), key=f"cut:{i}") for i in range(3)]
    with pytest.raises(sqlite3.OperationalError):
        await outbox.deliver(posts)
    recovered = await outbox.recover(timedelta(hours=1))
    assert sorted(d.status for d in recovered) == ["sent"] * 3
    assert platform.sent == {f"cut:{i}": 1 for i in range(3)}


async def test_the_sweep_says_what_is_wrong_with_the_database_and_carries_on(bot, clock, monkeypatch, caplog):
    """A locked database during a scheduled job is one clear log line, not an escaped exception."""
    registrar = Registrar(bot, Outbox(bot.store, {}, clock))

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(bot.store, "due_schedules", locked)
    monkeypatch.setattr(bot.store, "schedule", locked)
    with caplog.at_level(logging.ERROR, logger="peerbot.scheduler"):
        await registrar.sweep()
        await registrar.fire(1)
    assert [r.getMessage().split(" could not")[0] for r in caplog.records] == ["the minute sweep", "schedule 1"]
    assert all("database is locked" in r.getMessage() and not r.exc_info for r in caplog.records)


@pytest.mark.parametrize("error, says", [
    ("database is locked", "locked for longer than peerbot waits"),
    ("attempt to write a readonly database", "cannot be written"),
])
def test_the_command_line_explains_a_database_it_cannot_use(tmp_path, monkeypatch, error, says):
    def refuses(*args, **kwargs):
        raise sqlite3.OperationalError(error)

    monkeypatch.setattr("adapters.bootstrap.build_bot", refuses)
    monkeypatch.setenv("PEERBOT_DB", str(tmp_path / "peerbot.db"))
    result = CliRunner().invoke(cli, ["tick", "--at", DUE.isoformat()])
    assert result.exit_code == 3
    assert f"peerbot cannot use its database {tmp_path / 'peerbot.db'}: " in result.output
    assert says in result.output and "Traceback" not in result.output


def test_a_file_that_is_not_a_database_is_named_and_left_alone(tmp_path, monkeypatch):
    garbage = tmp_path / "peerbot.db"
    garbage.write_bytes(bytes(range(256)) * 32)
    monkeypatch.setenv("PEERBOT_DB", str(garbage))
    result = CliRunner().invoke(cli, ["schedules"])
    assert result.exit_code == 3 and "not a SQLite database" in result.output and str(garbage) in result.output
    assert garbage.read_bytes() == bytes(range(256)) * 32


def test_a_format_file_that_is_not_utf8_is_a_content_problem_naming_the_file(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    damaged = content / "formats" / "checkin.toml"
    damaged.write_bytes(b"\xff\xfe" + damaged.read_bytes())
    with pytest.raises(ContentError) as raised:
        load_catalog(content)
    assert [p for p in raised.value.problems if p.startswith(f"{damaged}: (file): not valid TOML")]
