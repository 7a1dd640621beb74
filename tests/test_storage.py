"""The database upgrades in place: a file made by an older peerbot opens with everything it held."""
from __future__ import annotations

import sqlite_utils

from storage.schema import migrations
from storage.sqlite import SqliteStore


def old_database(path) -> bytes:
    """A database as the schema before m012 left it, used once: a channel with its time zone and
    the old, unread region, and the vote key the store used to make its own `meta` table for."""
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="m012_meta")
    old["channels"].insert({"channel": "slack:T1:C1", "timezone": "Europe/London", "region": "UK",
                            "updated_at": "2026-11-01T00:00:00+00:00", "holidays": "UK-SCT"})
    old.execute("create table if not exists meta (key text primary key, value text)")
    key = bytes(range(32))
    old.execute("insert into meta (key, value) values ('vote_key', ?)", [key.hex()])
    old.conn.commit()
    old.conn.close()
    return key


def test_an_older_database_keeps_its_channels_and_vote_key_and_loses_the_dead_region(tmp_path, clock):
    """Opening an older file applies m011 and m012: the vote key and channel settings stay, channels.region goes."""
    path = tmp_path / "old.db"
    key = old_database(path)
    store = SqliteStore(path, clock)
    try:
        assert store.secret() == key
        assert store.channel_timezone("slack:T1:C1") == "Europe/London"
        assert store.channel_holidays("slack:T1:C1") == "UK-SCT"
        assert "region" not in store.db["channels"].columns_dict
        store.set_channel_timezone("slack:T1:C1", "Europe/Dublin")
        assert store.channel_timezone("slack:T1:C1") == "Europe/Dublin"
    finally:
        store.close()


def test_a_new_database_gets_its_meta_table_from_the_migrations(tmp_path, clock):
    """A fresh file has `meta` (and no channels.region) before the store is ever asked for a key."""
    store = SqliteStore(tmp_path / "new.db", clock)
    try:
        assert "meta" in store.db.table_names() and "region" not in store.db["channels"].columns_dict
        key = store.secret()
    finally:
        store.close()
    again = SqliteStore(tmp_path / "new.db", clock)
    try:
        assert len(key) == 32 and again.secret() == key  # made once, kept across restarts
    finally:
        again.close()


def test_a_due_run_is_handed_to_one_worker_and_a_reveal_to_one(tmp_path):
    """Two workers that read the same due schedule and the same running scenario: the first to
    advance the schedule (or reveal the scenario) gets it; the second is told it was taken."""
    from storage.sqlite import SqliteStore

    first, second = SqliteStore(tmp_path / "p.db"), SqliteStore(tmp_path / "p.db")
    sid = first.add_schedule({"channel": "slack:T1:C1", "platform": "slack", "workspace": "T1", "channel_id": "C1",
                              "kind": "reflection", "rule": "weekly mon 10:00 0", "created_by": "U1"})
    row = second.schedule(sid)
    seen = (row["next_due"], row["last_fired_at"])
    assert first.advance_schedule(sid, seen, last_fired_at="2026-11-30T15:00:00+00:00", next_due="2026-12-07T15:00")
    assert not second.advance_schedule(sid, seen, last_fired_at="2026-11-30T15:00:00+00:00", next_due="2026-12-07T15:00")
    first.save_run({"id": "r1", "channel": "slack:T1:C1", "platform": "slack", "workspace": "T1", "channel_id": "C1",
                    "scenario_id": "s", "facilitator": "U1", "state": "running", "reveal_minutes": 20,
                    "reveal_at": "2026-11-30T15:20:00+00:00", "paused_left": 0, "started_at": "", "ended_at": ""})
    assert second.claim_reveal("r1", "2026-11-30T15:20:00+00:00")
    assert not first.claim_reveal("r1", "2026-11-30T15:20:00+00:00")
    first.close()
    second.close()
