"""While another process holds the database, Slack still gets its acknowledgement in time.

The core waits for the lock on its own thread (`adapters.core_worker`); the event loop, which
answers Slack, never waits for SQLite. The lock is a real `BEGIN EXCLUSIVE` from a second
connection, released by the test once it has seen the ack; nothing sleeps.
"""
from __future__ import annotations

import sqlite3
import time

import slack_payloads as payloads
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_workspace import Workspace, text_of

from testing.fake_slack import FakeSlack


async def test_a_command_is_acknowledged_within_3_seconds_while_the_database_is_locked(ws: Workspace, fake: FakeSlack,
                                                                                       tmp_path):
    """With the database locked by another connection, `/peer check …` gets HTTP 200 within 3 s, and its
    answer follows once the lock is released."""
    other = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        status = await ws.command("check driving someone to a job interview", user="U1", channel="C1")
        acked_after = time.monotonic() - started
        assert status == 200 and acked_after < 3.0, f"HTTP {status} after {acked_after:.2f} s"
        assert ws.replies() == [], "the core answered without the database: the lock was not in its way"
    finally:
        other.execute("ROLLBACK")
        other.close()
    [reply] = await fake.wait_until(lambda: ws.replies())
    assert "About: driving someone to a job interview" in text_of(reply)


async def test_socket_mode_envelopes_are_acknowledged_within_3_seconds_while_the_database_is_locked(
        socket_platform, fake: FakeSlack, tmp_path):
    """Over the socket too, with the database locked, a slash command and a mention event are both
    acknowledged within 3 s; their answers follow once the lock is released."""
    other = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        for body in (payloads.slash("check driving someone to a job interview"),
                     payloads.mention("<@UBOT> what is mutuality?", event_id="Ev0LOCKED")):
            started = time.monotonic()
            response = await socket_platform.app.async_dispatch(AsyncBoltRequest(mode="socket_mode", body=body))
            acked_after = time.monotonic() - started
            assert response.status == 200 and acked_after < 3.0, f"{response.status} after {acked_after:.2f} s"
        assert not fake.called("chat.postEphemeral") and not fake.called("chat.postMessage")
    finally:
        other.execute("ROLLBACK")
        other.close()
    await fake.wait_for("chat.postEphemeral")
    await fake.wait_for("chat.postMessage")
