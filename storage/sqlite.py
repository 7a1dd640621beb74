"""The SQLite store: every piece of state the bot keeps, behind intent-named methods.

One connection, opened and used on one thread (the event loop's, or the CLI's). WAL and a busy
timeout let a second process (an external `peerbot tick`, a second bot) share the file; the
unique keys in `deliveries` and `votes` are what make a post at-most-once and a vote one-per-person
even then. Schema changes are `sqlite_utils.Migrations` steps in `storage.schema`.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from storage.schema import migrations


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class SqliteStore:
    def __init__(self, path: str | Path):
        self.path = str(path)
        conn = sqlite3.connect(self.path, timeout=5.0, isolation_level=None)
        self.db = sqlite_utils.Database(conn)
        if self.path != ":memory:":
            self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA busy_timeout=5000")
        self.db.execute("PRAGMA foreign_keys=ON")
        migrations.apply(self.db)

    def close(self) -> None:
        self.db.conn.close()

    # -- flows ---------------------------------------------------------------------------
    def get_flow(self, owner: str, kind: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select state from flows where owner = ? and kind = ?", [owner, kind]))
        return json.loads(rows[0]["state"]) if rows else None

    def save_flow(self, owner: str, kind: str, state: dict[str, Any]) -> None:
        self.db["flows"].upsert({"owner": owner, "kind": kind, "state": json.dumps(state),
                                 "updated_at": _now()}, pk=("owner", "kind"))

    def end_flow(self, owner: str, kind: str) -> None:
        self.db.execute("delete from flows where owner = ? and kind = ?", [owner, kind])

    # -- deliveries ----------------------------------------------------------------------
    def claim_delivery(self, key: str, channel: str, payload: str = "", at: str = "") -> bool:
        # INSERT OR IGNORE on the primary key: exactly one claimant wins, across processes too.
        cursor = self.db.execute(
            "insert or ignore into deliveries (key, channel, status, claimed_at, sent_at, ref, attempts, payload) "
            "values (?, ?, 'claimed', ?, '', '', 0, ?)", [key, channel, at or _now(), payload])
        return cursor.rowcount == 1

    def finish_delivery(self, key: str, status: str, ref: str = "") -> None:
        # Once sent, the payload has done its job: drop it so the table holds only keys and refs.
        self.db.execute("update deliveries set status = ?, ref = ?, sent_at = ?, attempts = attempts + 1, "
                        "payload = case when ? = 'claimed' then payload else '' end where key = ?",
                        [status, ref, _now(), status, key])

    def delivery(self, key: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from deliveries where key = ?", [key]))
        return rows[0] if rows else None

    def unfinished_deliveries(self, since: str) -> list[dict[str, Any]]:
        return list(self.db.query("select * from deliveries where status = 'claimed' and claimed_at >= ? "
                                  "order by claimed_at", [since]))

    # -- channels, roles, audit ----------------------------------------------------------
    def _channel_row(self, channel: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from channels where channel = ?", [channel]))
        return rows[0] if rows else None

    def channel_timezone(self, channel: str) -> str | None:
        row = self._channel_row(channel)
        return row["timezone"] if row and row["timezone"] else None

    def set_channel_timezone(self, channel: str, tz: str) -> None:
        self.db["channels"].upsert({"channel": channel, "timezone": tz, "updated_at": _now()}, pk="channel")

    def channel_region(self, channel: str) -> str | None:
        row = self._channel_row(channel)
        return row["region"] if row and row["region"] else None

    def set_channel_region(self, channel: str, region: str) -> None:
        self.db["channels"].upsert({"channel": channel, "region": region, "updated_at": _now()}, pk="channel")

    def facilitators(self, workspace: str) -> list[str]:
        return [r["user_id"] for r in self.db.query(
            "select user_id from facilitators where workspace = ? order by added_at, user_id", [workspace])]

    def add_facilitator(self, workspace: str, user_id: str) -> bool:
        cursor = self.db.execute("insert or ignore into facilitators (workspace, user_id, added_at) values (?, ?, ?)",
                                 [workspace, user_id, _now()])
        return cursor.rowcount == 1

    def remove_facilitator(self, workspace: str, user_id: str) -> bool:
        return self.db.execute("delete from facilitators where workspace = ? and user_id = ?",
                               [workspace, user_id]).rowcount == 1

    def audit(self, workspace: str, actor: str, action: str, detail: str) -> None:
        self.db["audit"].insert({"at": _now(), "workspace": workspace, "actor": actor, "action": action,
                                 "detail": detail})

    def audit_log(self, workspace: str, limit: int = 50) -> list[dict[str, Any]]:
        return list(self.db.query("select at, actor, action, detail from audit where workspace = ? "
                                  "order by id desc limit ?", [workspace, limit]))

    # -- schedules and rotation ----------------------------------------------------------
    def add_schedule(self, row: dict[str, Any]) -> int:
        return self.db["schedules"].insert({**row, "created_at": row.get("created_at") or _now()}).last_pk

    def schedule(self, schedule_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from schedules where id = ?", [schedule_id]))
        return rows[0] if rows else None

    def schedules(self, channel: str | None = None, workspace: str | None = None) -> list[dict[str, Any]]:
        if channel is not None:
            return list(self.db.query("select * from schedules where channel = ? order by id", [channel]))
        if workspace is not None:
            return list(self.db.query("select * from schedules where platform || ':' || workspace = ? "
                                      "order by id", [workspace]))
        return list(self.db.query("select * from schedules order by id"))

    def update_schedule(self, schedule_id: int, **changes: Any) -> None:
        self.db["schedules"].update(schedule_id, changes)

    def delete_schedule(self, schedule_id: int) -> None:
        self.db.execute("delete from schedules where id = ?", [schedule_id])

    def used_prompts(self, channel: str) -> set[str]:
        return {r["prompt_id"] for r in self.db.query("select prompt_id from prompt_uses where channel = ?", [channel])}

    def use_prompt(self, channel: str, prompt_id: str, theme: str) -> None:
        self.db["prompt_uses"].upsert({"channel": channel, "prompt_id": prompt_id, "theme": theme,
                                       "used_at": _now()}, pk=("channel", "prompt_id"))

    def reset_prompts(self, channel: str, prompt_ids: list[str]) -> None:
        with self.db.atomic():
            for pid in prompt_ids:
                self.db.execute("delete from prompt_uses where channel = ? and prompt_id = ?", [channel, pid])

    # -- anonymous rounds ----------------------------------------------------------------
    def open_round(self, round_id: str, channel: str, kind: str, choices: list[str]) -> None:
        self.db.execute("insert or ignore into rounds (id, channel, kind, choices, open, counts, opened_at, closed_at) "
                        "values (?, ?, ?, ?, 1, '{}', ?, '')", [round_id, channel, kind, json.dumps(choices), _now()])

    def round(self, round_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from rounds where id = ?", [round_id]))
        if not rows:
            return None
        row = dict(rows[0])
        row["choices"], row["counts"] = json.loads(row["choices"]), json.loads(row["counts"] or "{}")
        return row

    def record_vote(self, round_id: str, voter: str, choice: str) -> None:
        # One row per (round, voter hash): voting again changes the vote instead of adding one.
        self.db["votes"].upsert({"round_id": round_id, "voter": voter, "choice": choice}, pk=("round_id", "voter"))

    def tally(self, round_id: str) -> dict[str, int]:
        row = self.round(round_id)
        if row and not row["open"]:
            return row["counts"]
        return {r["choice"]: r["n"] for r in self.db.query(
            "select choice, count(*) as n from votes where round_id = ? group by choice", [round_id])}

    def close_round(self, round_id: str) -> dict[str, int]:
        counts = self.tally(round_id)
        with self.db.atomic():
            self.db.execute("update rounds set open = 0, counts = ?, closed_at = ? where id = ? and open = 1",
                            [json.dumps(counts), _now(), round_id])
            # From here nothing links a person to an answer: only the counts remain.
            self.db.execute("delete from votes where round_id = ?", [round_id])
        return counts

    def rounds_open_before(self, before: str) -> list[str]:
        return [r["id"] for r in self.db.query("select id from rounds where open = 1 and opened_at < ?", [before])]

    def secret(self) -> bytes:
        # The key for voter hashes. It lives with the data it protects, so it only stops double
        # votes while a round is open; closing a round deletes the hashes themselves.
        self.db.execute("create table if not exists meta (key text primary key, value text)")
        rows = list(self.db.query("select value from meta where key = 'vote_key'"))
        if rows:
            return bytes.fromhex(rows[0]["value"])
        import secrets as _secrets

        key = _secrets.token_bytes(32)
        self.db.execute("insert or ignore into meta (key, value) values ('vote_key', ?)", [key.hex()])
        return bytes.fromhex(list(self.db.query("select value from meta where key = 'vote_key'"))[0]["value"])

    # -- scenario runs -------------------------------------------------------------------
    def save_run(self, run: dict[str, Any]) -> None:
        self.db["scenario_runs"].upsert(run, pk="id")

    def run(self, run_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from scenario_runs where id = ?", [run_id]))
        return rows[0] if rows else None

    def active_run(self, channel: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from scenario_runs where channel = ? and state in "
                                  "('running', 'paused', 'revealed') order by started_at desc limit 1", [channel]))
        return rows[0] if rows else None

    def runs_due(self, now: str) -> list[dict[str, Any]]:
        return list(self.db.query("select * from scenario_runs where state = 'running' and reveal_at != '' "
                                  "and reveal_at <= ?", [now]))

    def scenarios_run(self, channel: str) -> set[str]:
        return {r["scenario_id"] for r in self.db.query(
            "select scenario_id from scenario_history where channel = ?", [channel])}

    def mark_scenario_run(self, channel: str, scenario_id: str) -> None:
        self.db["scenario_history"].upsert({"channel": channel, "scenario_id": scenario_id, "run_at": _now()},
                                           pk=("channel", "scenario_id"))

    def forget_vote(self, round_id: str, voter: str) -> None:
        self.db.execute("delete from votes where round_id = ? and voter = ?", [round_id, voter])
