"""While another process holds the database, a Discord interaction is deferred in time.

The core waits for the lock on its own thread (`adapters.core_worker`); when it has not answered
within `DEFER_AFTER` (2 s), the adapter defers the interaction (type 5, "thinking…") well inside
Discord's 3 seconds and the answer follows. The lock is a real `BEGIN EXCLUSIVE` from a second
connection, released by the test once it has seen the deferral; nothing sleeps.
"""
from __future__ import annotations

import sqlite3
import time

from adapters.discord.listeners import DEFER_AFTER

DEFERRED = 5  # DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE


async def test_an_interaction_is_deferred_in_time_while_the_database_is_locked(start_peerbot, chat, fake,
                                                                               discord_settings):
    """With the database locked by another connection, `/peer check …` is deferred (type 5) within
    3 s, and the answer replaces the "thinking…" placeholder once the lock is released."""
    assert DEFER_AFTER < 2.5  # room left for the deferral to reach Discord within its 3 s
    await start_peerbot()
    other = sqlite3.connect(discord_settings.db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        response = await chat.slash("check", "driving someone to a job interview")
        answered_after = time.monotonic() - started
        assert response["type"] == DEFERRED and answered_after < 3.0, f"{response} after {answered_after:.2f} s"
        assert response["data"]["flags"] == 64  # private until the answer says otherwise
    finally:
        other.execute("ROLLBACK")
        other.close()
    [answer] = await chat.followups()
    assert "About: driving someone to a job interview" in str(answer) and "(1/7)" in str(answer)


async def test_a_quick_answer_is_not_deferred(start_peerbot, chat):
    """When the core answers at once, the interaction's first response is the answer itself (type 4)."""
    await start_peerbot()
    response = await chat.slash("check", "driving someone to a job interview")
    assert response["type"] == 4 and "About: driving someone to a job interview" in str(response["data"])


