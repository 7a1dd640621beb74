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


# Schedules as an older peerbot saved them (its own rule text), made on Wednesday 2026-10-21 in a
# Toronto channel, with the first fire times that version computed for each (UTC): every other
# Tuesday, the last Friday of the month, and 01:30 and 02:30 on Sundays across the autumn change.
MADE = "2026-10-21T16:00:00+00:00"
OLD_RULES = {
    "fortnightly tue 14:30 0": ("every other tuesday 14:30",
                                ["2026-11-03T19:30", "2026-11-17T19:30", "2026-12-01T19:30"]),
    "monthly fri 15:00 -1": ("last friday of the month 15:00",
                             ["2026-10-30T19:00", "2026-11-27T20:00", "2026-12-25T20:00"]),
    "weekly sun 01:30 0": ("every sunday 1:30am", ["2026-10-25T05:30", "2026-11-01T05:30", "2026-11-08T06:30"]),
    "weekly sun 02:30 0": ("every sunday 2:30am", ["2026-10-25T06:30", "2026-11-01T07:30", "2026-11-08T07:30"]),
}


def database_with_old_schedules(path) -> None:
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="m016_schedule_rrule")
    # No holiday calendar: the last Friday of December 2026 is Christmas Day, skipped by default.
    old["channels"].insert({"channel": "slack:T1:C1", "timezone": "America/Toronto", "holidays": "off",
                            "updated_at": MADE})
    for rule in OLD_RULES:
        old["schedules"].insert({"channel": "slack:T1:C1", "platform": "slack", "workspace": "T1", "channel_id": "C1",
                                 "kind": "reflection", "rule": rule, "created_by": "UFAY", "created_at": MADE,
                                 "last_fired_at": MADE})
    old.conn.commit()
    old.conn.close()


def test_an_older_schedule_becomes_the_rrule_a_new_one_would_have(tmp_path, clock):
    """m016 turns each schedule's old rule text into RRULE text: the same as the same words make today."""
    from bot.schedules.spec import parse_rule

    database_with_old_schedules(tmp_path / "old.db")
    store = SqliteStore(tmp_path / "old.db", clock)
    try:
        migrated = store.schedules()
        assert "rule" not in store.db["schedules"].columns_dict
    finally:
        store.close()
    assert [s.recurrence for s in migrated] == [parse_rule(words).rrule_text() for words, _ in OLD_RULES.values()]
    assert migrated[0].recurrence == "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=14;BYMINUTE=30;BYSECOND=0"


def test_an_older_schedule_fires_when_it_always_did(settings, clock, catalog):
    """After the upgrade each old schedule posts at exactly the times the older version worked out,
    daylight-saving changes included, and not a minute before."""
    from datetime import datetime, timedelta

    from adapters.bootstrap import build_bot

    database_with_old_schedules(settings.db)
    bot = build_bot(settings, clock=clock, catalog=catalog)
    expected = sorted((datetime.fromisoformat(t + "+00:00"), n) for n, (_, times) in enumerate(OLD_RULES.values(), 1)
                      for t in times)
    try:
        for at, schedule_id in expected:
            early = {p.key.split(":")[0] for p in bot.tick(at - timedelta(minutes=1))}
            on_time = {p.key.split(":")[0] for p in bot.tick(at + timedelta(seconds=30))}
            assert f"s{schedule_id}" not in early and f"s{schedule_id}" in on_time, (at, schedule_id)
    finally:
        bot.store.close()


def test_conversation_references_are_kept_through_the_store_port(tmp_path, clock):
    """Teams' references go through the store's Conversations methods: kept once per change, found by
    team prefix (taken literally) or tenant, and forgotten."""
    from bot.records import ConversationRef

    store = SqliteStore(tmp_path / "refs.db", clock)
    general = ConversationRef("19:general@thread.tacv2", "https://smba.example/amer/", "tenant-1")
    try:
        store.remember_conversation("teams:team_1:general", general)
        stamped = store.db.execute("select updated_at from teams_conversations").fetchone()[0]
        clock.advance(hours=1)
        store.remember_conversation("teams:team_1:general", general)  # the same again: no write
        assert store.db.execute("select updated_at from teams_conversations").fetchone()[0] == stamped
        kept = store.conversation("teams:team_1:general")
        assert kept == ConversationRef("19:general@thread.tacv2", "https://smba.example/amer", "tenant-1")
        assert store.conversation_under("teams:team_1:") == kept
        assert store.conversation_in_tenant("tenant-1") == kept and store.conversation_in_tenant("t2") is None
        store.forget_conversation("teams:team_1:general")
        assert store.conversation("teams:team_1:general") is None
        store.remember_conversation("teams:teamX1:general", general)
        assert store.conversation_under("teams:team_1:") is None  # "_" in a team id is not a wildcard
    finally:
        store.close()


def test_a_due_run_is_handed_to_one_worker_and_a_reveal_to_one(tmp_path):
    """Two workers that read the same due schedule and the same running scenario: the first to
    advance the schedule (or reveal the scenario) gets it; the second is told it was taken."""
    from storage.sqlite import SqliteStore

    first, second = SqliteStore(tmp_path / "p.db"), SqliteStore(tmp_path / "p.db")
    from bot.records import Run, RunState, Schedule
    from bot.schedules.spec import parse_rule

    sid = first.add_schedule(Schedule(channel="slack:T1:C1", platform="slack", workspace="T1", channel_id="C1",
                                      kind="reflection", recurrence=parse_rule("every monday 10:00").rrule_text(),
                                      created_by="U1", created_at="2026-11-23T12:00:00+00:00"))
    row = second.schedule(sid)
    seen = (row.next_due, row.last_fired_at)
    assert first.advance_schedule(sid, seen, last_fired_at="2026-11-30T15:00:00+00:00", next_due="2026-12-07T15:00")
    assert not second.advance_schedule(sid, seen, last_fired_at="2026-11-30T15:00:00+00:00", next_due="2026-12-07T15:00")
    first.save_run(Run(id="r1", channel="slack:T1:C1", platform="slack", workspace="T1", channel_id="C1",
                       scenario_id="s", facilitator="U1", started_at="", state=RunState.RUNNING, reveal_minutes=20,
                       reveal_at="2026-11-30T15:20:00+00:00"))
    assert second.claim_reveal("r1", "2026-11-30T15:20:00+00:00")
    assert not first.claim_reveal("r1", "2026-11-30T15:20:00+00:00")
    first.close()
    second.close()
